import type { ReactNode } from 'react';

interface Props {
  /** Stable name for browser tests: the card carries data-testid="card-<id>". */
  id: string;
  title: string;
  /** A line under the title: what the card is for, or where things stand. */
  text: ReactNode;
  /** What follows the text: the card's buttons, or a load error. */
  children?: ReactNode;
}

/** A card of a home screen: its title, a line of text, then its buttons. */
export function HomeCard({ id, title, text, children }: Props) {
  return (
    <li className="card" data-testid={`card-${id}`}>
      <h3 className="card-title">{title}</h3>
      <p className="card-text">{text}</p>
      {children}
    </li>
  );
}
