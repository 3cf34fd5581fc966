import { searchPlaces } from '@jobcoach/domain';
import { TextInput, type TextInputProps } from '@mantine/core';
import { useId } from 'react';

/**
 * A commune, typed freely, with the Belgian places of the domain as suggestions (a native
 * <datalist>: the browser's own list, usable by keyboard and on phones).
 */
export function CommuneInput(props: TextInputProps & { value: string }) {
  const id = useId();
  const places = props.value.trim().length >= 2 ? searchPlaces(props.value, 8) : [];
  return (
    <>
      <TextInput autoComplete="off" {...props} list={`${id}-places`} />
      <datalist id={`${id}-places`}>
        {places.map((place) => (
          <option key={`${place.name}-${place.nis}`} value={place.name} />
        ))}
      </datalist>
    </>
  );
}
