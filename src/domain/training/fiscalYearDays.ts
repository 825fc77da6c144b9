/** The days of a fiscal year as session dates are written (YYYY-MM-DD): 1 April to 31 March. */
export function daysOfFiscalYear(fiscalYear: number): { readonly from: string; readonly to: string } {
  return { from: `${fiscalYear}-04-01`, to: `${fiscalYear + 1}-03-31` };
}
