import { Skeleton } from '../ui/skeleton.tsx';

const rows = ['a', 'b', 'c', 'd'];

/** The dialog's shape while the asset and its access list load. */
export function PanelSkeleton() {
  return (
    <div className="sw-body" data-slot="panel-skeleton" aria-hidden="true">
      <Skeleton height="2.5rem" />
      <div className="sw-section sw-invite__row">
        <Skeleton width="9rem" height="2.25rem" />
        <Skeleton width="7rem" />
      </div>
      <div className="sw-section sw-section--divided">
        <Skeleton width="6rem" />
        <ListSkeleton />
      </div>
    </div>
  );
}

/** Rows of grey blocks where the access list will appear. */
export function ListSkeleton() {
  return (
    <div data-slot="list-skeleton" aria-hidden="true">
      {rows.map((row) => (
        <div key={row} className="sw-skeleton-row">
          <Skeleton />
          <div className="sw-skeleton-stack">
            <Skeleton width="60%" />
            <Skeleton width="40%" height="0.75rem" />
          </div>
          <Skeleton height="1.75rem" />
        </div>
      ))}
    </div>
  );
}
