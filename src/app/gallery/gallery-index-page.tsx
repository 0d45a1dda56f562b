import { Link } from 'react-router';
import { assetTypes } from '../../sharing/asset-types.ts';
import { useSession } from '../session.tsx';
import { usePageTitle } from '../use-page-title.ts';
import {
  type GalleryPage,
  type GalleryState,
  galleryCatalogue,
  galleryPath,
  pageNeedsScaleSeed,
} from './gallery-catalogue.ts';

/** What each section of the index is about, by the stories' title group. */
const sectionLedes: Record<string, string> = {
  States: 'Loading, empty, errors, slow networks, conflicts and large access lists.',
  'Disabled reasons': 'Every control the rules disable, and the reason the dialog gives for it.',
  'Several assets': 'One dialog for a selection of mixed types: what each type refuses, and saving them all.',
};

/** The sections, known ones first, then any other group the stories' titles name. */
function sections(): string[] {
  const groups = new Set(galleryCatalogue.map((page) => page.state.group));
  return [...new Set([...Object.keys(sectionLedes).filter((group) => groups.has(group)), ...groups])];
}

/** `/gallery`: every story (asset type × state), each a deep link to the real dialog in that state. */
export function GalleryIndexPage() {
  usePageTitle('Gallery');
  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">Gallery</h1>
        <p className="page-lede">
          The real Share dialog for every asset type in every state, with the demo backend put in that state:
          the library's stories, as Storybook shows them (<code>npm run storybook</code>). Each page is a deep
          link you can bookmark or send to a reviewer.
        </p>
      </div>
      {sections().map((group, index) => (
        <GallerySection
          key={group}
          id={`gallery-section-${index}`}
          title={group}
          lede={sectionLedes[group]}
          pages={galleryCatalogue.filter((page) => page.state.group === group)}
        />
      ))}
    </div>
  );
}

interface GallerySectionProps {
  id: string;
  title: string;
  lede: string | undefined;
  pages: readonly GalleryPage[];
}

function GallerySection({ id, title, lede, pages }: GallerySectionProps) {
  return (
    <section className="gallery-section" aria-labelledby={id}>
      <h2 id={id} className="gallery-section__title">
        {title}
      </h2>
      {lede ? <p className="gallery-section__lede">{lede}</p> : null}
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
                    {pages
                      .filter((page) => page.assetType.id === assetType.id)
                      .map((page) => (
                        <li key={page.state.path}>
                          <GalleryLink page={page} />
                        </li>
                      ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <NotForEveryType pages={pages} />
    </section>
  );
}

/** A link to one gallery page. */
function GalleryLink({ page }: { page: GalleryPage }) {
  const { scale } = useSession();
  // The scale seed loads when the backend starts: without it, the page is opened with a fresh start.
  const needsReload = pageNeedsScaleSeed(page) && !scale;
  return (
    <Link
      to={galleryPath(page)}
      reloadDocument={needsReload}
      aria-label={`${page.assetType.label}: ${page.state.title}`}
    >
      {page.state.title}
    </Link>
  );
}

/** Says which states exist only for some asset types, and why. */
function NotForEveryType({ pages }: { pages: readonly GalleryPage[] }) {
  const partial = new Map<string, GalleryState>();
  for (const page of pages) if (page.state.onlyFor) partial.set(page.state.path, page.state);
  if (partial.size === 0) return null;
  return (
    <ul className="gallery-notes">
      {[...partial.values()].map((state) => (
        <li key={state.path}>
          <strong>{state.title}</strong>: {state.onlyFor}
        </li>
      ))}
    </ul>
  );
}
