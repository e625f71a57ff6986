/**
 * Links for client-side navigation styled as NL Design System links and button links: the Utrecht
 * components render a plain <a href>, these render react-router's <Link> with the same classes.
 */
import { forwardRef, type AnchorHTMLAttributes, type ReactNode } from 'react';
import { Link as RouterLink, type LinkProps as RouterLinkProps } from 'react-router';

export type AppLinkProps = RouterLinkProps;

export const AppLink = forwardRef<HTMLAnchorElement, AppLinkProps>(({ className, ...props }, ref) => (
  <RouterLink
    ref={ref}
    className={['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ')}
    {...props}
  />
));
AppLink.displayName = 'AppLink';

export interface AppButtonLinkProps extends RouterLinkProps {
  appearance?: 'primary-action-button' | 'secondary-action-button' | 'subtle-button';
}

const BUTTON_LINK_APPEARANCE = {
  'primary-action-button': 'utrecht-button-link--primary-action',
  'secondary-action-button': 'utrecht-button-link--secondary-action',
  'subtle-button': 'utrecht-button-link--subtle',
} as const;

export const AppButtonLink = forwardRef<HTMLAnchorElement, AppButtonLinkProps>(
  ({ appearance = 'secondary-action-button', className, ...props }, ref) => (
    <RouterLink
      ref={ref}
      className={[
        'utrecht-button-link',
        'utrecht-button-link--html-a',
        BUTTON_LINK_APPEARANCE[appearance],
        className,
      ]
        .filter(Boolean)
        .join(' ')}
      {...props}
    />
  ),
);
AppButtonLink.displayName = 'AppButtonLink';

/** Adapter for components that take a `Link` component with an `href` prop (BreadcrumbNavLink). */
export const HrefRouterLink = forwardRef<
  HTMLAnchorElement,
  AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children?: ReactNode }
>(({ href, ...props }, ref) => <RouterLink ref={ref} to={href} {...props} />);
HrefRouterLink.displayName = 'HrefRouterLink';
