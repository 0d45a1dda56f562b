import { QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { sharingApiBasePath } from '../../api/contract.ts';
import { mockBackend } from '../../mock-backend/control.ts';
import { ShareDialog, ShareDialogProvider } from '../../share-dialog/index.ts';
import { assetTypes } from '../../sharing/asset-types.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';
import { NotFound } from '../not-found-page.tsx';
import { useSession } from '../session.tsx';
import { useMediaQuery } from '../use-media-query.ts';
import { usePageTitle } from '../use-page-title.ts';
import {
  findGalleryState,
  type GalleryState,
  galleryPath,
  galleryStates,
  stateAppliesTo,
} from './gallery-states.ts';
import { type PreparedStage, prepareStage, releaseStage } from './prepare-stage.ts';

/** Wide enough for the explanation and the dialog side by side; below it, the dialog covers the page as usual. */
const wideCanvasQuery = '(min-width: 1100px) and (min-height: 640px)';

/** `/gallery/:assetType/:state`: the real dialog, open, with the backend put in the state the page names. */
export function GalleryStatePage() {
  const { assetType: assetTypeId = '', state: stateId = '' } = useParams();
  const assetType = assetTypes.get(assetTypeId);
  const state = findGalleryState(stateId);
  if (!assetType || !state || !stateAppliesTo(state, assetType)) {
    return (
      <NotFound
        title="No such gallery page"
        text="The gallery has no page at this address. The gallery index lists every asset type and state."
      />
    );
  }
  return <GalleryStage key={`${assetType.id}/${state.id}`} assetType={assetType} state={state} />;
}

interface GalleryStageProps {
  assetType: AssetTypeConfig;
  state: GalleryState;
}

type Preparation =
  | { status: 'preparing' }
  | { status: 'ready'; stage: PreparedStage }
  | { status: 'failed'; message: string };

function GalleryStage({ assetType, state }: GalleryStageProps) {
  const { personas, scale } = useSession();
  const persona = personas.find((candidate) => candidate.username === state.actAs);
  const token = persona?.token ?? null;
  usePageTitle(`${assetType.label}: ${state.title} · Gallery`);

  // The page acts as its own persona with its own cache, so the app's session and its cache stay untouched.
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } }),
  );
  const [preparation, setPreparation] = useState<Preparation>({ status: 'preparing' });
  const [open, setOpen] = useState(true);
  // On wide screens the dialog opens inside the page's canvas, so the page's explanation stays in view beside it.
  const [canvas, setCanvas] = useState<HTMLDivElement | null>(null);
  const wide = useMediaQuery(wideCanvasQuery);

  useEffect(() => {
    if (state.asset === 'scale10000' && !scale) return;
    let stage: PreparedStage | null = null;
    try {
      stage = prepareStage(assetType, state);
      setPreparation({ status: 'ready', stage });
    } catch (error) {
      setPreparation({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
    return () => {
      releaseStage(state, stage);
      queryClient.clear();
    };
  }, [assetType, state, scale, queryClient]);

  const headers = useCallback(
    (): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {}),
    [token],
  );
  const steps = state.steps?.(assetType) ?? [];
  const needsScale = state.asset === 'scale10000' && !scale;

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
          <li>Acting as {persona?.fullName ?? state.actAs}</li>
          {state.faults(assetType).length > 0 ? <li>Faults injected while this page is open</li> : null}
          {state.latencyMs ? <li>{state.latencyMs / 1000} s latency while this page is open</li> : null}
          {state.asset === 'ownerOnly' ? <li>The asset exists while this page is open</li> : null}
        </ul>
        {steps.length > 0 ? (
          <ol className="gallery-steps" aria-label="How to see it">
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        ) : null}
        <GalleryNeighbours assetType={assetType} state={state} />
      </div>
      <div className="gallery-canvas" ref={setCanvas}>
        {needsScale ? (
          <div className="callout">
            <p>This page needs the scale seed: 100,000 people, and datasets with up to 10,000 grants.</p>
            <a className="button button--primary" href={`${galleryPath(assetType, state)}?scale=large`}>
              Reload with the scale seed
            </a>
          </div>
        ) : preparation.status === 'failed' ? (
          <div className="callout callout--error" role="alert">
            <p>The demo backend could not be put in this state: {preparation.message}</p>
          </div>
        ) : preparation.status === 'preparing' ? (
          <p className="muted" aria-live="polite">
            Putting the demo backend in this state…
          </p>
        ) : (
          <ShareDialogProvider
            baseUrl={sharingApiBasePath}
            headers={headers}
            queryClient={queryClient}
            container={wide ? canvas : null}
            now={mockBackend.now}
          >
            <div className="gallery-actions">
              <ShareDialog.Root
                assetType={assetType.id}
                assetId={preparation.stage.assetId}
                open={open}
                onOpenChange={setOpen}
              >
                <ShareDialog.Trigger className="button button--primary">
                  Share {preparation.stage.assetName}
                </ShareDialog.Trigger>
                <ShareDialog.Content className="gallery-dialog" />
              </ShareDialog.Root>
            </div>
          </ShareDialogProvider>
        )}
      </div>
    </div>
  );
}

/** Links to the previous and next gallery pages, so a reviewer can walk them all. */
function GalleryNeighbours({ assetType, state }: GalleryStageProps) {
  const pages = assetTypes
    .all()
    .flatMap((type) =>
      galleryStates.filter((candidate) => stateAppliesTo(candidate, type)).map((s) => ({ type, s })),
    );
  const index = pages.findIndex((page) => page.type.id === assetType.id && page.s.id === state.id);
  const previous = index > 0 ? pages[index - 1] : undefined;
  const next = index >= 0 && index < pages.length - 1 ? pages[index + 1] : undefined;
  return (
    <nav className="gallery-nav" aria-label="Gallery pages">
      {previous ? (
        <Link to={galleryPath(previous.type, previous.s)}>
          ← {previous.type.label}: {previous.s.title}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link to={galleryPath(next.type, next.s)}>
          {next.type.label}: {next.s.title} →
        </Link>
      ) : null}
    </nav>
  );
}
