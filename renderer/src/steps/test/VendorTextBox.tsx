import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { VendorText } from '../../../../preload/contract';
import { MONOSPACE } from '../../theme';

/** The vendor's own words, verbatim, with its code and HTTP status. */
export function VendorTextBox({ vendor, system }: { vendor: VendorText; system: string }) {
  const { t } = useTranslation();
  const meta = [vendor.code, vendor.httpStatus !== undefined ? t('test.httpStatus', { status: vendor.httpStatus }) : undefined].filter(Boolean);
  return (
    <Box sx={{ mt: 1 }}>
      <Typography variant="caption" component="p" color="text.secondary">
        {t('test.vendorSaid', { system })}
      </Typography>
      <Box
        component="pre"
        data-testid="vendor-text"
        sx={{ m: 0, mt: 0.5, p: 1.5, bgcolor: 'grey.100', border: 1, borderColor: 'divider', borderRadius: 1, fontFamily: MONOSPACE, fontSize: '0.85rem', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
      >
        {meta.length > 0 && <Box component="span" sx={{ display: 'block', fontWeight: 700 }}>{meta.join(' · ')}</Box>}
        {vendor.text}
      </Box>
    </Box>
  );
}
