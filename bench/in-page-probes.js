// Injected into the benchmarked page before any of its scripts (Playwright `addInitScript`). Everything is timed
// in the page with performance.now(), so Playwright's round trips never count. Plain JavaScript: it runs as is.
(() => {
  /** React fiber tags of components (function, class, forwardRef, memo, simple memo). */
  const componentTags = new Set([0, 1, 11, 14, 15]);
  /** React fiber tags of host elements. */
  const hostTags = new Set([5, 26, 27]);
  /** React's `PerformedWork` flag: the component's render function ran in this render. */
  const performedWork = 1;

  // Scrolling 10,000 grants makes more requests than the default buffer of 250 resource entries holds.
  performance.setResourceTimingBufferSize(100_000);

  /**
   * When each recipient search's answer came back, by its search text: a thin wrapper around fetch, so that a
   * probe knows, the moment the listbox changes, whether the server has answered yet.
   */
  const searchAnswers = new Map();
  const originalFetch = window.fetch;
  window.fetch = async function benchFetch(input, init) {
    const response = await originalFetch.call(this, input, init);
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    if (url.pathname.endsWith('/principals') && url.searchParams.has('search')) {
      searchAnswers.set(url.searchParams.get('search'), performance.now());
    }
    return response;
  };

  /** Lower case, accents stripped: how the searches compare text. */
  const fold = (text) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();

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

  /**
   * Resolves once `condition()` holds, checking after every DOM mutation (and every `recheckMs`, when given, for a
   * condition that time alone can make true); rejects after `timeoutMs`.
   */
  function whenDom(condition, timeoutMs, what, describeState, recheckMs) {
    return new Promise((resolve, reject) => {
      const initial = condition();
      if (initial) {
        resolve(initial);
        return;
      }
      const check = () => {
        const value = condition();
        if (value) {
          observer.disconnect();
          clearTimeout(timer);
          clearInterval(recheck);
          resolve(value);
        }
      };
      const observer = new MutationObserver(check);
      const recheck = recheckMs ? setInterval(check, recheckMs) : undefined;
      const timer = setTimeout(() => {
        observer.disconnect();
        clearInterval(recheck);
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
    /**
     * Before clicking `Share`: times click → first rows of `Shared with` painted, in milliseconds and in frames
     * (1: the rows are painted in the first frame after the click).
     */
    armOpen() {
      pendingOpen = new Promise((resolve, reject) => {
        const onClick = (event) => {
          const button = event.target instanceof Element ? event.target.closest('button') : null;
          if (button?.textContent.trim() !== 'Share') return;
          window.removeEventListener('click', onClick, true);
          const clickedAt = performance.now();
          let framesStarted = 0;
          let counting = true;
          const tick = () => {
            if (!counting) return;
            framesStarted += 1;
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
          whenDom(() => rowsOf(sharedWithList()).length > 0, 30_000, 'the first rows of Shared with')
            .then(() => {
              // The rows are in the DOM now: the next frame to start paints them.
              const frames = framesStarted + 1;
              counting = false;
              return afterNextPaint().then((paintedAt) => ({ paintedAt, frames }));
            })
            .then(({ paintedAt, frames }) => {
              // Where the time went: each API request of the open, relative to the click.
              const requests = performance
                .getEntriesByType('resource')
                .filter((entry) => entry.name.includes('/api/') && entry.startTime >= clickedAt)
                .map((entry) => ({
                  path: new URL(entry.name).pathname.replace(/^.*\/api\/v2/, ''),
                  startMs: Math.round(entry.startTime - clickedAt),
                  endMs: Math.round(entry.responseEnd - clickedAt),
                }));
              resolve({ ms: paintedAt - clickedAt, frames, requests });
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
      const state = { input, inputTimes, onInput, listboxChangedAt: -1, listboxObserver: null };
      // When the listbox last changed: the server's answer is painted by a change after it arrived.
      state.listboxObserver = new MutationObserver((records) => {
        const box = document.getElementById(input.getAttribute('aria-controls'));
        if (box && records.some((record) => box === record.target || box.contains(record.target))) {
          state.listboxChangedAt = performance.now();
        }
      });
      state.listboxObserver.observe(document.body, {
        childList: true,
        subtree: true,
        attributes: true,
        characterData: true,
      });
      bench.searchState = state;
      return true;
    },
    /**
     * After typing `query`: the time from its last keystroke until the first suggestions for it are painted (every
     * option shown matches the query, whether refined from what was on screen or answered by the server), and,
     * when `awaitAnswer`, from the server's answer to `query` until the listbox showing it is painted.
     */
    async searchResult(query, awaitAnswer) {
      const state = bench.searchState;
      const { input, inputTimes, onInput } = state;
      const folded = fold(query);
      const answerKey = query.trim();
      const listbox = () => document.getElementById(input.getAttribute('aria-controls'));
      const optionsOf = (box) => (box ? [...box.querySelectorAll('[role="option"]')] : []);
      const describe = () => {
        const box = listbox();
        const status = document.querySelector('.sw-recipient-search__menu-status')?.textContent ?? 'none';
        return `input "${input.value}", listbox ${box ? `busy=${box.getAttribute('aria-busy')}, ${optionsOf(box).length} options` : 'missing'}, expanded=${input.getAttribute('aria-expanded')}, status "${status}", keystrokes ${inputTimes.length}`;
      };
      const first = await whenDom(
        () => {
          if (input.value !== query) return null;
          const shown = optionsOf(listbox());
          if (shown.length === 0 || !shown.every((option) => fold(option.textContent).includes(folded)))
            return null;
          return { options: shown.length, answeredAt: searchAnswers.get(answerKey) };
        },
        15_000,
        `suggestions for "${query}"`,
        describe,
      );
      const paintedAt = await afterNextPaint();
      input.removeEventListener('input', onInput, true);
      const lastInputAt = inputTimes[inputTimes.length - 1];

      // The server's answer: painted with the first suggestions if it had arrived by then, else by the first change
      // of the listbox after it arrived (none, if the answer changed nothing on screen).
      let answer = null;
      if (awaitAnswer && first.answeredAt !== undefined) {
        answer = {
          ms: paintedAt - first.answeredAt,
          options: first.options,
          answeredMs: first.answeredAt - lastInputAt,
        };
      } else if (awaitAnswer) {
        const shown = await whenDom(
          () => {
            const answeredAt = searchAnswers.get(answerKey);
            if (answeredAt === undefined) return null;
            const box = listbox();
            if (state.listboxChangedAt > answeredAt && box?.getAttribute('aria-busy') !== 'true') {
              const count = optionsOf(box).length;
              if (count > 0) return { answeredAt, options: count };
            }
            return performance.now() - answeredAt > 1_000 ? { answeredAt, options: null } : null;
          },
          15_000,
          `the server's answer to "${query}" painted`,
          describe,
          100,
        );
        const answerPaintedAt = shown.options === null ? null : await afterNextPaint();
        answer = {
          ms: answerPaintedAt === null ? null : answerPaintedAt - shown.answeredAt,
          options: shown.options,
          answeredMs: shown.answeredAt - lastInputAt,
        };
      }
      state.listboxObserver.disconnect();
      // Where the time went: when the request left and when its answer was back, after the last keystroke.
      const request = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/principals?') && entry.startTime >= inputTimes[0])
        .at(-1);
      return {
        ms: paintedAt - lastInputAt,
        keystrokes: inputTimes.length,
        options: first.options,
        answer,
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
          const select = row.querySelector('select[aria-label^="Role for "]');
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
      const components = { total: 0, inChangedRow: 0, inOtherRows: 0, outsideRows: 0 };
      let commits = 0;
      commitListener = (root) => {
        commits += 1;
        for (const fiber of renderedComponents(root)) {
          components.total += 1;
          const row = rowOfFiber(fiber, list);
          if (row) renderedRows.add(row);
          if (row === target.row) components.inChangedRow += 1;
          else if (row) components.inOtherRows += 1;
          else components.outsideRows += 1;
        }
      };
      // A row's controls changed when what it shows differs after the change from before it: its markup (but for
      // its own style, which is only where it sits) and its controls' state. React re-setting an attribute to the
      // value it had is no change.
      const rowState = (row) => {
        const clone = row.cloneNode(true);
        clone.removeAttribute('style');
        const controls = [...row.querySelectorAll('input, select, textarea, button')]
          .map((control) => `${control.checked}|${control.value}|${control.disabled}`)
          .join(';');
        return `${clone.outerHTML}${controls}`;
      };
      const before = new Map(rowsOf(list).map((row) => [row, rowState(row)]));
      let mutatedNodes = 0;
      const touched = new Set();
      const mutations = new MutationObserver((records) => {
        for (const record of records) {
          if (!touched.has(record.target)) {
            touched.add(record.target);
            mutatedNodes += 1;
          }
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
      // Rows that entered the list meanwhile (the changed row grew or shrank) were mounted, not re-rendered.
      const rerendered = [...renderedRows].filter((row) => before.has(row));
      const changed = new Set(
        [...before]
          .filter(([row, state]) => row.parentElement === list && rowState(row) !== state)
          .map(([row]) => row),
      );
      return {
        ms: paintedAt - changedAt,
        rowsRerendered: rerendered.length,
        changedRowRerendered: renderedRows.has(target.row),
        rowsRerenderedUnchanged: rerendered.filter((row) => row.parentElement === list && !changed.has(row))
          .length,
        rowsMounted: renderedRows.size - rerendered.length,
        componentsRendered: components.total,
        componentsInChangedRow: components.inChangedRow,
        componentsInOtherRows: components.inOtherRows,
        componentsOutsideRows: components.outsideRows,
        commits,
        rowsWithDomChanges: changed.size,
        domNodesChanged: mutatedNodes,
        rowsInDom: rowsOf(list).length,
        role: target.value,
      };
    },

    /** Resolves when the page's main thread is next idle (or after `timeoutMs`): what was loading has settled. */
    idle(timeoutMs) {
      return new Promise((resolve) => requestIdleCallback(() => resolve(true), { timeout: timeoutMs }));
    },

    /** The page's clock, to count what happens from a moment on (e.g. the requests from the first sign of intent). */
    now() {
      return performance.now();
    },

    /** The requests whose URL contains `fragment` (and `/api/`) that started at or after `sinceMs`: path and query. */
    requestsSince(fragment, sinceMs) {
      return performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/api/') && entry.name.includes(fragment))
        .filter((entry) => entry.startTime >= sinceMs)
        .map((entry) => {
          const url = new URL(entry.name);
          return `${url.pathname.replace(/^.*\/api\/v2/, '')}${url.search}`;
        });
    },

    /**
     * Scrolls the `Shared with` list to `scrollTop`, lets it settle, notes the first rows in view, and focuses the
     * last element a Tab stops at before the list, so that the next Tab (or two: the list's own scrolling region)
     * enters it. `tabIntoListResult()` then says where focus landed.
     */
    async prepareTabIntoList(scrollTop) {
      const list = sharedWithList();
      const viewport = list?.parentElement;
      if (!list || !viewport) throw new Error('no Shared with list');
      viewport.scrollTop = scrollTop;
      await bench.settledRowCount();
      const box = viewport.getBoundingClientRect();
      const rows = rowsOf(list).sort(
        (a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')),
      );
      const position = (row) => (row ? Number(row.getAttribute('aria-posinset')) : null);
      const firstVisible = rows.find((row) => row.getBoundingClientRect().bottom > box.top + 1);
      const firstWhole = rows.find((row) => row.getBoundingClientRect().top >= box.top - 1);
      const dialog = viewport.closest('[role="dialog"]') ?? document.body;
      const tabbable = [
        ...dialog.querySelectorAll('a[href], button, input, select, textarea, [tabindex]'),
      ].filter(
        (element) =>
          element.tabIndex >= 0 &&
          !element.disabled &&
          element.getClientRects().length > 0 &&
          element !== viewport &&
          !viewport.contains(element) &&
          (viewport.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING) !== 0,
      );
      const before = tabbable.at(-1);
      if (!before) throw new Error('nothing a Tab stops at before the Shared with list');
      before.focus();
      bench.tabState = {
        list,
        viewport,
        scrollTop: viewport.scrollTop,
        firstVisible: position(firstVisible),
        firstWhole: position(firstWhole),
        firstRendered: position(rows[0]),
      };
      return { from: before.getAttribute('aria-label') ?? before.textContent.trim().slice(0, 40) };
    },
    /** Whether focus is in a row of the `Shared with` list. */
    focusInListRow() {
      const { list } = bench.tabState;
      const focused = document.activeElement;
      return Boolean(focused && focused !== list && list.contains(focused));
    },
    /** Where the Tab of `prepareTabIntoList` landed: on the first row in view (wholly or partly), or elsewhere. */
    tabIntoListResult() {
      const { list, viewport, scrollTop, firstVisible, firstWhole, firstRendered } = bench.tabState;
      let row = document.activeElement;
      while (row && row.parentElement !== list) row = row.parentElement;
      const landed = row ? Number(row.getAttribute('aria-posinset')) : null;
      return {
        landed,
        firstVisible,
        firstWhole,
        firstRendered,
        onFirstRowInView: landed !== null && (landed === firstVisible || landed === firstWhole),
        scrolledBy: viewport.scrollTop - scrollTop,
      };
    },
  };
  window.__sharewellBench = bench;
})();
