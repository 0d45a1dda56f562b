// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Backdrop, lockDocumentScroll, scrollbarWidthOf } from './backdrop.tsx';

const root = document.documentElement;

afterEach(() => {
  root.removeAttribute('style');
});

describe('lockDocumentScroll', () => {
  it('holds the page still until the last of several locks is released, then gives back its own styles', () => {
    root.style.overflow = 'scroll';
    const first = lockDocumentScroll(document, 0);
    expect(root.style.overflow).toBe('hidden');
    const second = lockDocumentScroll(document, 0);
    first();
    // Releasing twice counts once.
    first();
    expect(root.style.overflow).toBe('hidden');
    second();
    expect(root.style.overflow).toBe('scroll');
  });

  it('keeps the scrollbar’s width as padding, so that the page does not move', () => {
    const clientWidth = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth');
    Object.defineProperty(root, 'clientWidth', { configurable: true, get: () => window.innerWidth - 15 });
    try {
      const release = lockDocumentScroll(document, scrollbarWidthOf(document));
      expect(root.style.paddingRight).toBe('15px');
      release();
      expect(root.style.paddingRight).toBe('');
    } finally {
      if (clientWidth) Object.defineProperty(root, 'clientWidth', clientWidth);
    }
  });
});

describe('Backdrop', () => {
  it('is hidden from assistive technology, and locks scrolling while it is shown', () => {
    const { container, unmount } = render(<Backdrop colorScheme="dark" />);
    const backdrop = container.firstElementChild as HTMLElement;
    expect(backdrop).toHaveAttribute('aria-hidden', 'true');
    expect(backdrop).toHaveAttribute('data-sw-theme', 'dark');
    expect(root.style.overflow).toBe('hidden');
    unmount();
    expect(root.style.overflow).toBe('');
  });

  it('measures the scrollbar before it is in the page, so that opening lays the page out once', () => {
    const clientWidth = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth');
    const backdropsSeen: number[] = [];
    Object.defineProperty(root, 'clientWidth', {
      configurable: true,
      get: () => {
        backdropsSeen.push(document.querySelectorAll('.sw-overlay').length);
        return window.innerWidth - 15;
      },
    });
    try {
      const { unmount } = render(<Backdrop colorScheme="light" />);
      expect(backdropsSeen).toEqual([0]);
      expect(root.style.paddingRight).toBe('15px');
      unmount();
    } finally {
      if (clientWidth) Object.defineProperty(root, 'clientWidth', clientWidth);
    }
  });
});
