import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type StoryHost, StoryHostContext } from '../../share-dialog/stories/share-dialog-story.tsx';
import { releaseStage } from '../../share-dialog/stories/story-stage.ts';
import { NotFound } from '../not-found-page.tsx';
import { useSession } from '../session.tsx';
import { useMediaQuery } from '../use-media-query.ts';
import { usePageTitle } from '../use-page-title.ts';
import {
  findGalleryPage,
  type GalleryPage,
  galleryCatalogue,
  galleryPath,
  pageNeedsScaleSeed,
} from './gallery-catalogue.ts';

/** Wide enough for the explanation and the dialog side by side; below it, the dialog covers the page as usual. */
const wideCanvasQuery = '(min-width: 1100px) and (min-height: 640px)';

/** `/gallery/:assetType/:state`: one story, the real dialog open with the backend put in the story's state. */
export function GalleryStatePage() {
  const { assetType = '', state = '' } = useParams();
  const page = findGalleryPage(assetType, state);
  if (!page) {
    return (
      <NotFound
        title="No such gallery page"
        text="The gallery has no page at this address. The gallery index lists every asset type and state."
      />
    );
  }
  return <GalleryStage key={galleryPath(page)} page={page} />;
}

type Loading = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; message: string };

function GalleryStage({ page }: { page: GalleryPage }) {
  const { assetType, state, Story } = page;
  const { personas, scale } = useSession();
  const persona = personas.find((candidate) => candidate.username === state.stage.actAs);
  usePageTitle(`${assetType.label}: ${state.title} · Gallery`);
  const [loading, setLoading] = useState<Loading>({ status: 'loading' });
  // On wide screens the dialog opens inside the page's canvas, so the page's explanation stays in view beside it.
  const [canvas, setCanvas] = useState<HTMLDivElement | null>(null);
  const wide = useMediaQuery(wideCanvasQuery);
  const needsScale = pageNeedsScaleSeed(page) && !scale;

  useEffect(() => {
    if (needsScale) return;
    let left = false;
    // The story's loaders put the backend in its state; leaving the page takes it out again.
    Story.load().then(
      () => {
        if (!left) setLoading({ status: 'ready' });
      },
      (error: unknown) => {
        if (!left)
          setLoading({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      left = true;
      releaseStage();
    };
  }, [Story, needsScale]);

  const host = useMemo<StoryHost>(
    () => ({
      container: wide ? canvas : null,
      triggerClassName: 'button button--primary',
      contentClassName: 'gallery-dialog',
    }),
    [wide, canvas],
  );
  const steps = state.steps?.(assetType) ?? [];
  const faults = state.stage.faults?.(assetType) ?? [];

  return (
    <div className="page gallery-page">
      <div className="gallery-page__text">
        <nav className="breadcrumbs" aria-label="Breadcrumbs">
          <Link to="/gallery">Gallery</Link>
          <span aria-hidden="true">/</span>
          <span>{assetType.pluralLabel}</span>
        </nav>
        <h1 className="page-title">
          {assetType.label}: {state.title}
        </h1>
        <p className="gallery-summary">{state.summary}</p>
        <ul className="gallery-facts" aria-label="About this page">
          <li>Acting as {persona?.fullName ?? state.stage.actAs}</li>
          {faults.length > 0 ? <li>Faults injected while this page is open</li> : null}
          {state.stage.latencyMs ? (
            <li>{state.stage.latencyMs / 1000} s latency while this page is open</li>
          ) : null}
          {state.stage.asset === 'ownerOnly' ? <li>The asset exists while this page is open</li> : null}
        </ul>
        {steps.length > 0 ? (
          <ol className="gallery-steps" aria-label="How to see it">
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        ) : null}
        <GalleryNeighbours page={page} />
      </div>
      <div className="gallery-canvas" ref={setCanvas}>
        {needsScale ? (
          <div className="callout">
            <p>This page needs the scale seed: 100,000 people, and datasets with up to 10,000 grants.</p>
            <a className="button button--primary" href={`${galleryPath(page)}?scale=large`}>
              Reload with the scale seed
            </a>
          </div>
        ) : loading.status === 'failed' ? (
          <div className="callout callout--error" role="alert">
            <p>The demo backend could not be put in this state: {loading.message}</p>
          </div>
        ) : loading.status === 'loading' ? (
          <p className="muted" aria-live="polite">
            Putting the demo backend in this state…
          </p>
        ) : (
          <StoryHostContext.Provider value={host}>
            <div className="gallery-actions">
              <Story />
            </div>
          </StoryHostContext.Provider>
        )}
      </div>
    </div>
  );
}

/** Links to the previous and next gallery pages, so a reviewer can walk them all. */
function GalleryNeighbours({ page }: { page: GalleryPage }) {
  const index = galleryCatalogue.indexOf(page);
  const previous = index > 0 ? galleryCatalogue[index - 1] : undefined;
  const next = index >= 0 && index < galleryCatalogue.length - 1 ? galleryCatalogue[index + 1] : undefined;
  return (
    <nav className="gallery-nav" aria-label="Gallery pages">
      {previous ? (
        <Link to={galleryPath(previous)}>
          ← {previous.assetType.label}: {previous.state.title}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link to={galleryPath(next)}>
          {next.assetType.label}: {next.state.title} →
        </Link>
      ) : null}
    </nav>
  );
}
