import type { TFunction } from 'i18next';
import { HBV_MARKERS, INFECTIONS } from '../../../shared/domain/clinical-catalogues';
import type { ResultValue } from '../../../shared/domain/screenings';

/** A stored value as the carer reads it ("Chlamydia : Détecté · Gonocoque : Non détecté"). */
export function valueText(t: TFunction, value: ResultValue): string {
  switch (value.type) {
    case 'reactivity':
      return t(`screenings.values.reactivity.${value.reactivity}`);
    case 'detection':
      return [
        t(`screenings.values.detection.${value.detection}`),
        value.viralLoad != null ? `${value.viralLoad} copies/mL` : null,
      ]
        .filter(Boolean)
        .join(' · ');
    case 'per_target':
      return INFECTIONS.flatMap((i) => {
        const d = value.targets[i];
        return d
          ? [`${t(`clinicalCatalogues.infections.${i}`)} : ${t(`screenings.values.detection.${d}`)}`]
          : [];
      }).join(' · ');
    case 'positivity':
      return t(`screenings.values.positivity.${value.positivity}`);
    case 'titre':
      return [t(`screenings.values.positivity.${value.positivity}`), value.titre].filter(Boolean).join(' ');
    case 'markers':
      return HBV_MARKERS.flatMap((m) => {
        const p = value.markers[m];
        return p
          ? [`${t(`screenings.values.markers.${m}`)} : ${t(`screenings.values.positivity.${p}`)}`]
          : [];
      }).join(' · ');
    case 'immunity':
      return t(`screenings.values.immunity.${value.immunity}`);
    case 'creatinine_egfr':
      return `${t('screenings.fields.creatinine')} ${value.creatinine} · ${t('screenings.fields.egfr')} ${value.egfr}`;
  }
}
