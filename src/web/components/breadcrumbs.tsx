import { Fragment } from 'react';
import { BreadcrumbNav, BreadcrumbNavLink, BreadcrumbNavSeparator } from '@utrecht/component-library-react';
import { HrefRouterLink } from './app-link.tsx';

export interface Crumb {
  to: string;
  label: string;
}

/** Where the page sits; the last crumb is the current page. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <BreadcrumbNav aria-label="Kruimelpad" className="wk-breadcrumbs wk-no-print">
      {items.map((item, index) => (
        <Fragment key={item.to}>
          {index > 0 ? <BreadcrumbNavSeparator>›</BreadcrumbNavSeparator> : null}
          <BreadcrumbNavLink
            Link={HrefRouterLink}
            href={item.to}
            index={index}
            current={index === items.length - 1}
          >
            {item.label}
          </BreadcrumbNavLink>
        </Fragment>
      ))}
    </BreadcrumbNav>
  );
}
