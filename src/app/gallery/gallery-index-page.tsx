import { Link } from 'react-router';
import { assetTypes } from '../../sharing/asset-types.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';
import { useSession } from '../session.tsx';
import { usePageTitle } from '../use-page-title.ts';
import { type GalleryState, galleryPath, galleryStates, stateAppliesTo } from './gallery-states.ts';

/** `/gallery`: every asset type × every state, each a deep link to the real dialog in that state. */
export function GalleryIndexPage() {
  usePageTitle('Gallery');
  const states = galleryStates.filter((state) => state.group === 'state');
  const disabledReasons = galleryStates.filter((state) => state.group === 'disabled');
  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">Gallery</h1>
        <p className="page-lede">
          The real Share dialog for every asset type in every state, with the demo backend put in that state.
          Each page is a deep link you can bookmark or send to a reviewer.
        </p>
      </div>
      <GallerySection
        id="gallery-states"
        title="States"
        lede="Loading, empty, errors, slow networks, conflicts and large access lists."
        states={states}
      />
      <GallerySection
        id="gallery-disabled"
        title="Disabled reasons"
        lede="Every control the rules disable, and the reason the dialog gives for it."
        states={disabledReasons}
      />
    </div>
  );
}

interface GallerySectionProps {
  id: string;
  title: string;
  lede: string;
  states: readonly GalleryState[];
}

function GallerySection({ id, title, lede, states }: GallerySectionProps) {
  return (
    <section className="gallery-section" aria-labelledby={id}>
      <h2 id={id} className="gallery-section__title">
        {title}
      </h2>
      <p className="gallery-section__lede">{lede}</p>
      <div className="gallery-table-wrap">
        <table className="gallery-table">
          <thead>
            <tr>
              <th scope="col">Asset type</th>
              <th scope="col">{title}</th>
            </tr>
          </thead>
          <tbody>
            {assetTypes.all().map((assetType) => (
              <tr key={assetType.id}>
                <th scope="row">{assetType.label}</th>
                <td>
                  <ul
                    className="gallery-links"
                    aria-label={`${title} of the ${assetType.label.toLowerCase()}`}
                  >
                    {states
                      .filter((state) => stateAppliesTo(state, assetType))
                      .map((state) => (
                        <li key={state.id}>
                          <GalleryLink assetType={assetType} state={state} />
                        </li>
                      ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <NotForEveryType states={states} />
    </section>
  );
}

/** A link to one gallery page. */
function GalleryLink({ assetType, state }: { assetType: AssetTypeConfig; state: GalleryState }) {
  const { scale } = useSession();
  // The scale seed loads when the backend starts: without it, the page is opened with a fresh start.
  const needsReload = state.asset === 'scale10000' && !scale;
  return (
    <Link
      to={galleryPath(assetType, state)}
      reloadDocument={needsReload}
      aria-label={`${assetType.label}: ${state.title}`}
    >
      {state.title}
    </Link>
  );
}

/** Says which states exist only for some asset types, and why. */
function NotForEveryType({ states }: { states: readonly GalleryState[] }) {
  const partial = states.filter((state) => state.onlyFor);
  if (partial.length === 0) return null;
  return (
    <ul className="gallery-notes">
      {partial.map((state) => (
        <li key={state.id}>
          <strong>{state.title}</strong>: {state.onlyFor}
        </li>
      ))}
    </ul>
  );
}
