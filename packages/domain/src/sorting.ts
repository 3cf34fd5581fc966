/**
 * Sorts `list` in place as Array.prototype.sort does (stably, by `compare`), without the built-in
 * sort's work arrays for short lists: the rules sort each person's few contracts and days on every
 * read of « Ma journée », where those arrays were a fifth of what judging a day allocated
 * (docs/performance.md). Longer lists go to the built-in sort.
 */
export function sortInPlace<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > SHORT) return list.sort(compare);
  // Insertion sort: an item moves before those strictly greater only, so equal items keep their order.
  for (let i = 1; i < list.length; i++) {
    const item = list[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(list[j] as T, item) > 0) {
      list[j + 1] = list[j] as T;
      j -= 1;
    }
    list[j + 1] = item;
  }
  return list;
}

/** Up to this length, an insertion sort (at most 120 comparisons). */
const SHORT = 16;
