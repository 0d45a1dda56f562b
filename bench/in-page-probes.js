// Injected into the benchmarked page before any of its scripts (Playwright `addInitScript`). Everything is timed
// in the page with performance.now(), so Playwright's round trips never count. Plain JavaScript: it runs as is.
(() => {
  /** React fiber tags of components (function, class, forwardRef, memo, simple memo). */
  const componentTags = new Set([0, 1, 11, 14, 15]);
  /** React fiber tags of host elements. */
  const hostTags = new Set([5, 26, 27]);
  /** React's `PerformedWork` flag: the component's render function ran in this render. */
  const performedWork = 1;

  let commitListener = null;
  // React (production builds included) reports every commit to a DevTools hook if one is present. This minimal
  // hook lets the bench see which components rendered, without a profiling build.
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject(renderer) {
      const id = this.renderers.size + 1;
      this.renderers.set(id, renderer);
      return id;
    },
    onCommitFiberRoot(_rendererId, root) {
      if (commitListener) commitListener(root);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
  };

  function collectMounted(fiber, out) {
    if (componentTags.has(fiber.tag)) out.push(fiber);
    for (let child = fiber.child; child; child = child.sibling) collectMounted(child, out);
  }

  // The way React DevTools finds what rendered: a subtree whose child pointer did not change was not rendered.
  function collectRendered(next, previous, out) {
    if (next.child === previous.child) return;
    for (let child = next.child; child; child = child.sibling) {
      const before = child.alternate;
      if (!before) {
        collectMounted(child, out);
        continue;
      }
      if (componentTags.has(child.tag) && (child.flags & performedWork) === performedWork) out.push(child);
      collectRendered(child, before, out);
    }
  }

  function renderedComponents(root) {
    const out = [];
    const current = root.current;
    if (current.alternate) collectRendered(current, current.alternate, out);
    else collectMounted(current, out);
    return out;
  }

  /** The `Shared with` list element, found by its accessible name. */
  function sharedWithList() {
    for (const list of document.querySelectorAll('ul[aria-labelledby], [role="list"][aria-labelledby]')) {
      const label = document.getElementById(list.getAttribute('aria-labelledby'));
      if (label?.textContent.trim().startsWith('Shared with')) return list;
    }
    return null;
  }

  function rowsOf(list) {
    return list ? [...list.children].filter((child) => child.tagName === 'LI') : [];
  }

  /** The list row (an `li` child of the list) a component belongs to: the row it renders, or the one it is in. */
  function rowOfFiber(fiber, list) {
    let down = fiber;
    while (down && !hostTags.has(down.tag)) down = down.child;
    if (down && down.stateNode?.parentElement === list) return down.stateNode;
    for (let up = fiber.return; up; up = up.return) {
      if (hostTags.has(up.tag) && up.stateNode?.parentElement === list) return up.stateNode;
    }
    return null;
  }

  /** Resolves with performance.now() just after the next frame is painted (rAF runs before paint; a task after it runs after). */
  function afterNextPaint() {
    return new Promise((resolve) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    });
  }

  /** Resolves once `condition()` holds, checking after every DOM mutation; rejects after `timeoutMs`. */
  function whenDom(condition, timeoutMs, what, describeState) {
    return new Promise((resolve, reject) => {
      const initial = condition();
      if (initial) {
        resolve(initial);
        return;
      }
      const observer = new MutationObserver(() => {
        const value = condition();
        if (value) {
          observer.disconnect();
          clearTimeout(timer);
          resolve(value);
        }
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        const state = describeState ? ` (${describeState()})` : '';
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${state}`));
      }, timeoutMs);
      observer.observe(document.body, {
        childList: true,
        subtree: true,
        attributes: true,
        characterData: true,
      });
    });
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  let pendingOpen = null;

  const bench = {
    /** Before clicking `Share`: times click → first rows of `Shared with` painted. */
    armOpen() {
      pendingOpen = new Promise((resolve, reject) => {
        const onClick = (event) => {
          const button = event.target instanceof Element ? event.target.closest('button') : null;
          if (button?.textContent.trim() !== 'Share') return;
          window.removeEventListener('click', onClick, true);
          const clickedAt = performance.now();
          whenDom(() => rowsOf(sharedWithList()).length > 0, 30_000, 'the first rows of Shared with')
            .then(() => afterNextPaint())
            .then((paintedAt) => {
              // Where the time went: each API request of the open, relative to the click.
              const requests = performance
                .getEntriesByType('resource')
                .filter((entry) => entry.name.includes('/api/') && entry.startTime >= clickedAt)
                .map((entry) => ({
                  path: new URL(entry.name).pathname.replace(/^.*\/api\/v2/, ''),
                  startMs: Math.round(entry.startTime - clickedAt),
                  endMs: Math.round(entry.responseEnd - clickedAt),
                }));
              resolve({ ms: paintedAt - clickedAt, requests });
            }, reject);
        };
        window.addEventListener('click', onClick, true);
      });
      return true;
    },
    openResult() {
      return pendingOpen;
    },

    /** Waits until the list has stopped loading and changing, then counts its rows in the DOM. */
    async settledRowCount(quietMs = 300) {
      const list = await whenDom(sharedWithList, 30_000, 'the Shared with list');
      let lastChange = performance.now();
      const observer = new MutationObserver(() => {
        lastChange = performance.now();
      });
      observer.observe(list.parentElement ?? list, { childList: true, subtree: true, attributes: true });
      const started = performance.now();
      while (performance.now() - lastChange < quietMs || list.getAttribute('aria-busy') === 'true') {
        if (performance.now() - started > 15_000) break;
        await sleep(50);
      }
      observer.disconnect();
      return rowsOf(sharedWithList()).length;
    },

    /**
     * Scrolls the `Shared with` list to its last grant, `stepPx` per frame, loading pages as it goes. Counts
     * frames whose gap to the previous one exceeds `slowFrameMs` (a missed 16.7 ms frame), long animation
     * frames (over 50 ms) when the browser reports them, and the most rows the DOM held at once.
     */
    async scrollToEnd(stepPx, slowFrameMs, timeoutMs) {
      const list = sharedWithList();
      const viewport = list?.parentElement;
      if (!list || !viewport) throw new Error('no Shared with list');
      const longFrames = [];
      let observer = null;
      if (PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')) {
        observer = new PerformanceObserver((entries) => {
          for (const entry of entries.getEntries()) longFrames.push(entry.duration);
        });
        observer.observe({ type: 'long-animation-frame' });
      }
      const setSize = () => Number(rowsOf(list)[0]?.getAttribute('aria-setsize') ?? 0);
      const lastPosition = () =>
        Math.max(0, ...rowsOf(list).map((row) => Number(row.getAttribute('aria-posinset') ?? 0)));
      const frameTimes = [];
      let maxRows = 0;
      const started = performance.now();
      await new Promise((resolve, reject) => {
        const frame = (now) => {
          frameTimes.push(now);
          maxRows = Math.max(maxRows, rowsOf(list).length);
          const atEnd = viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight - 1;
          if (atEnd && lastPosition() >= setSize() && list.getAttribute('aria-busy') !== 'true') {
            resolve();
            return;
          }
          if (performance.now() - started > timeoutMs) {
            reject(new Error(`scrolling did not reach the end in ${timeoutMs} ms (at ${lastPosition()})`));
            return;
          }
          viewport.scrollTop = Math.min(viewport.scrollTop + stepPx, viewport.scrollHeight);
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      // The long-animation-frame entries of the last frames arrive after they end.
      await afterNextPaint();
      await sleep(100);
      observer?.disconnect();
      const gaps = frameTimes.slice(1).map((time, index) => time - frameTimes[index]);
      return {
        frames: gaps.length,
        slowFrames: gaps.filter((gap) => gap > slowFrameMs).length,
        longestGapMs: Math.max(0, ...gaps),
        longAnimationFrames: observer ? longFrames.length : null,
        durationMs: performance.now() - started,
        maxRows,
        reached: lastPosition(),
        setSize: setSize(),
      };
    },

    /** Before typing into `Share with`: remembers when each keystroke's input event happened. */
    armSearch() {
      const input = document.activeElement;
      if (!(input instanceof HTMLInputElement) || input.getAttribute('role') !== 'combobox') {
        throw new Error('focus is not on the Share with combobox');
      }
      const inputTimes = [];
      const onInput = () => inputTimes.push(performance.now());
      input.addEventListener('input', onInput, true);
      bench.searchState = { input, inputTimes, onInput };
      return true;
    },
    /** After typing `query`: the time from its last keystroke until its options are painted. */
    async searchResult(query) {
      const { input, inputTimes, onInput } = bench.searchState;
      const listbox = () => document.getElementById(input.getAttribute('aria-controls'));
      const options = await whenDom(
        () => {
          const box = listbox();
          if (!box || box.getAttribute('aria-busy') === 'true' || input.value !== query) return null;
          const found = box.querySelectorAll('[role="option"]');
          return found.length > 0 ? found.length : null;
        },
        15_000,
        `options for "${query}"`,
        () => {
          const box = listbox();
          const status = document.querySelector('.sw-recipient-search__menu-status')?.textContent ?? 'none';
          return `input "${input.value}", listbox ${box ? `busy=${box.getAttribute('aria-busy')}, ${box.querySelectorAll('[role="option"]').length} options` : 'missing'}, expanded=${input.getAttribute('aria-expanded')}, status "${status}", keystrokes ${inputTimes.length}`;
        },
      );
      const paintedAt = await afterNextPaint();
      input.removeEventListener('input', onInput, true);
      const lastInputAt = inputTimes[inputTimes.length - 1];
      // Where the time went: when the request left and when its answer was back, after the last keystroke.
      const request = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/principals?') && entry.startTime >= inputTimes[0])
        .at(-1);
      return {
        ms: paintedAt - lastInputAt,
        keystrokes: inputTimes.length,
        options,
        requestStartMs: request ? request.startTime - lastInputAt : null,
        responseEndMs: request ? request.responseEnd - lastInputAt : null,
      };
    },

    /**
     * Changes one visible row from `fromRole` (any role when null) to `toRole`, the row nearest the middle of the
     * list among those the actor may change that way (and, with `plainOnly`, without "Allow sharing", so that it
     * is neither an owner nor a sharer before or after). Reports the time to the next paint showing the change,
     * which rows React re-rendered and which rows' DOM changed, over the change and the `windowMs` after its paint
     * (long enough for the debounced impact preview to answer).
     */
    async changeOneRole(fromRole, toRole, plainOnly, windowMs) {
      const list = sharedWithList();
      const viewport = list?.parentElement;
      if (!list || !viewport) throw new Error('no Shared with list');
      const box = viewport.getBoundingClientRect();
      const middle = box.top + box.height / 2;
      const candidates = rowsOf(list)
        .map((row) => {
          const select = row.querySelector('select');
          const rect = row.getBoundingClientRect();
          if (!select || select.disabled || rect.bottom < box.top || rect.top > box.bottom) return null;
          if (row.getAttribute('data-pending') === 'true') return null;
          if (fromRole ? select.value !== fromRole : select.value === toRole) return null;
          const allowSharing = row.querySelector('input[type="checkbox"][aria-label^="Allow sharing"]');
          if (plainOnly && allowSharing?.checked) return null;
          const option = [...select.options].find((choice) => !choice.disabled && choice.value === toRole);
          return option ? { row, select, value: option.value, distance: Math.abs(rect.top - middle) } : null;
        })
        .filter(Boolean)
        .sort((a, b) => a.distance - b.distance);
      const target = candidates[0];
      if (!target) throw new Error(`no visible row whose role can go from ${fromRole ?? 'any'} to ${toRole}`);

      const renderedRows = new Set();
      let renderedComponentCount = 0;
      let commits = 0;
      commitListener = (root) => {
        commits += 1;
        for (const fiber of renderedComponents(root)) {
          renderedComponentCount += 1;
          const row = rowOfFiber(fiber, list);
          if (row) renderedRows.add(row);
        }
      };
      const mutatedRows = new Set();
      let mutatedNodes = 0;
      const touched = new Set();
      const mutations = new MutationObserver((records) => {
        for (const record of records) {
          if (!touched.has(record.target)) {
            touched.add(record.target);
            mutatedNodes += 1;
          }
          let node = record.target;
          while (node && node.parentElement !== list) node = node.parentElement;
          if (node) mutatedRows.add(node);
        }
      });
      mutations.observe(list, { childList: true, subtree: true, attributes: true, characterData: true });

      const changedAt = performance.now();
      target.select.value = target.value;
      target.select.dispatchEvent(new Event('input', { bubbles: true }));
      target.select.dispatchEvent(new Event('change', { bubbles: true }));
      await whenDom(
        () => target.row.getAttribute('data-pending') === 'true',
        5_000,
        'the row marked pending',
      );
      const paintedAt = await afterNextPaint();
      await sleep(windowMs);
      commitListener = null;
      mutations.disconnect();
      return {
        ms: paintedAt - changedAt,
        rowsRerendered: renderedRows.size,
        changedRowRerendered: renderedRows.has(target.row),
        componentsRendered: renderedComponentCount,
        commits,
        rowsWithDomChanges: mutatedRows.size,
        domNodesChanged: mutatedNodes,
        rowsInDom: rowsOf(list).length,
        role: target.value,
      };
    },
  };
  window.__sharewellBench = bench;
})();
