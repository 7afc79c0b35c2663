/**
 * A top-level page beside the wizard (Data sources, Diagnose): an outlined section labelled by its h1,
 * which takes focus when the page opens (keyboard and screen-reader users land at the top).
 */
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode, RefObject } from 'react';

export function PageSection(props: {
  readonly id: string;
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  readonly title: string;
  readonly intro: string;
  readonly introGap?: number;
  readonly children: ReactNode;
}) {
  return (
    <Paper component="section" variant="outlined" aria-labelledby={`${props.id}-heading`} sx={{ p: { xs: 2, md: 4 } }}>
      <Typography
        id={`${props.id}-heading`}
        ref={props.headingRef}
        component="h1"
        variant="h1"
        tabIndex={-1}
        data-testid="page-heading"
        sx={{ mb: 1, '&:focus': { outline: 'none' }, '&:focus-visible': { outline: '3px solid #f59e0b', outlineOffset: 4 } }}
      >
        {props.title}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: props.introGap ?? 2 }}>
        {props.intro}
      </Typography>
      {props.children}
    </Paper>
  );
}
