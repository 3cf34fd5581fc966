import { Anchor, Code, List, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A small Markdown reader for the import's documentation (docs/import.md): headings, paragraphs,
 * lists, tables, fenced code, `code`, **bold** and [links](…). It builds React elements (no HTML is
 * injected); what it does not know is shown as text.
 */

function inline(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)]+)\)/g;
  let last = 0;
  let n = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const k = `${key}-${n++}`;
    if (m[1] !== undefined) out.push(<Code key={k}>{m[1]}</Code>);
    else if (m[2] !== undefined) out.push(<strong key={k}>{inline(m[2], k)}</strong>);
    else if (m[3] !== undefined) {
      const href = m[4]!;
      out.push(
        /^https?:/.test(href) ? (
          <Anchor key={k} href={href} target="_blank" rel="noreferrer">
            {m[3]}
          </Anchor>
        ) : (
          <span key={k}>{inline(m[3], k)}</span>
        ),
      );
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

export function Markdown({ source }: { source: string }) {
  const lines = source.split('\n');
  const blocks: ReactNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const key = `b${i}`;
    if (line.trim() === '') {
      i++;
    } else if (line.startsWith('```')) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
      i++;
      blocks.push(
        <Code key={key} block>
          {body.join('\n')}
        </Code>,
      );
    } else if (/^#{1,4} /.test(line)) {
      const level = line.indexOf(' ') as 1 | 2 | 3 | 4;
      blocks.push(
        <Title key={key} order={Math.min(level + 1, 5) as 2 | 3 | 4 | 5}>
          {inline(line.slice(level + 1), key)}
        </Title>,
      );
      i++;
    } else if (line.startsWith('|')) {
      const rows: string[][] = [];
      for (; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(cells(lines[i]!));
      const [head, , ...body] = rows;
      blocks.push(
        <Table.ScrollContainer key={key} minWidth={520}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                {(head ?? []).map((c, k) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a table's columns do not move
                  <Table.Th key={k}>{inline(c, `${key}h${k}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {body.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a table's rows do not move
                <Table.Tr key={r}>
                  {row.map((c, k) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a table's columns do not move
                    <Table.Td key={k}>{inline(c, `${key}r${r}c${k}`)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>,
      );
    } else if (/^\s*[-*] /.test(line)) {
      const items: string[] = [];
      for (; i < lines.length && lines[i]!.trim() !== '' && !lines[i]!.startsWith('#'); i++) {
        const l = lines[i]!;
        if (/^\s*[-*] /.test(l)) items.push(l.replace(/^\s*[-*] /, ''));
        else items[items.length - 1] = `${items.at(-1) ?? ''} ${l.trim()}`;
      }
      blocks.push(
        <List key={key} size="sm" spacing={4}>
          {items.map((item, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a list's items do not move
            <List.Item key={k}>{inline(item, `${key}i${k}`)}</List.Item>
          ))}
        </List>,
      );
    } else {
      const para: string[] = [];
      for (
        ;
        i < lines.length && lines[i]!.trim() !== '' && !/^(#{1,4} |\||```|\s*[-*] )/.test(lines[i]!);
        i++
      )
        para.push(lines[i]!.trim());
      blocks.push(
        <Text key={key} size="sm">
          {inline(para.join(' '), key)}
        </Text>,
      );
    }
  }
  return <>{blocks}</>;
}
