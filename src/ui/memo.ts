/**
 * A component that draws again only when `same` says its props changed (what preact/compat's `memo` does, without
 * bringing compat into the pages' bundles).
 */
import { Component, h, type ComponentChild, type FunctionComponent } from 'preact';

export function memo<P extends object>(
  render: FunctionComponent<P>,
  same: (before: Readonly<P>, after: Readonly<P>) => boolean,
): FunctionComponent<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: Readonly<P>): boolean {
      return !same(this.props, next);
    }
    override render(props: P): ComponentChild {
      return h(render, props);
    }
  }
  return Memo as unknown as FunctionComponent<P>;
}
