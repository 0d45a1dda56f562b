import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { OutboxEmail } from '../api/demo-contract.ts';
import { outboxQueryOptions } from '../api/get-outbox.ts';
import { fullDateTime, timeAgo } from './format.ts';
import { MailIcon } from './icons.tsx';
import { QueryError, QueryLoading } from './query-states.tsx';
import { useSession } from './session.tsx';
import { usePageTitle } from './use-page-title.ts';

/** The e-mails the backend "sent" when something was shared with notification on, newest first. */
export function OutboxPage() {
  const { client } = useSession();
  const outboxQuery = useQuery(outboxQueryOptions(client));
  usePageTitle('Outbox');

  return (
    <div className="page page--narrow">
      <div className="page-header">
        <h1 className="page-title">Outbox</h1>
        <p className="page-lede">
          The notification e-mails the demo backend sent, newest first. Nothing leaves your browser.
        </p>
      </div>
      {outboxQuery.isPending ? (
        <QueryLoading label="Loading the outbox…">
          <div className="skeleton-card" />
        </QueryLoading>
      ) : outboxQuery.isError ? (
        <QueryError
          subject="The outbox"
          error={outboxQuery.error}
          onRetry={() => void outboxQuery.refetch()}
        />
      ) : outboxQuery.data.data.length === 0 ? (
        <p className="callout">
          No e-mails yet. Share an asset with <em>Send notification</em> on, and the e-mail to each recipient
          shows up here.
        </p>
      ) : (
        <ol className="outbox" aria-label="Sent e-mails">
          {outboxQuery.data.data.map((email) => (
            <OutboxItem key={email.id} email={email} />
          ))}
        </ol>
      )}
    </div>
  );
}

function OutboxItem({ email }: { email: OutboxEmail }) {
  return (
    <li className="email">
      <article aria-label={`E-mail to ${email.to}: ${email.subject}`}>
        <header className="email__header">
          <span className="email__icon" aria-hidden="true">
            <MailIcon />
          </span>
          <div className="email__headline">
            <h2 className="email__subject">{email.subject}</h2>
            <p className="email__to">
              To <span className="email__address">{email.to}</span>
            </p>
          </div>
          <time className="email__time" dateTime={email.sentAt} title={fullDateTime(email.sentAt)}>
            {timeAgo(email.sentAt)}
          </time>
        </header>
        <p className="email__body">{email.body}</p>
        <Link className="email__link" to={email.link}>
          Open in Sharewell
        </Link>
      </article>
    </li>
  );
}
