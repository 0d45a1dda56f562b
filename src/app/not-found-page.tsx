import { Link } from 'react-router';
import { usePageTitle } from './use-page-title.ts';

export interface NotFoundProps {
  title?: string;
  text?: string;
}

/** A page that says plainly what is missing, with the way home. */
export function NotFound({
  title = 'Page not found',
  text = 'There is nothing at this address. It may have moved, or the link may be mistyped.',
}: NotFoundProps) {
  usePageTitle(title);
  return (
    <div className="page page--narrow">
      <div className="empty-state">
        <h1 className="page-title">{title}</h1>
        <p className="page-lede">{text}</p>
        <Link className="button button--primary" to="/">
          Back to assets
        </Link>
      </div>
    </div>
  );
}
