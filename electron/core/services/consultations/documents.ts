/**
 * The French prescription (ordonnance), in the language asked for (else the centre's): centre and
 * site, prescriber with profession and professional number (RPPS / ADELI), date, patient, one block
 * per drug, renewals and the signature area. Every word comes from the `consultations.pdf.*` texts.
 * Rendered in memory and handed to the page as base64; never written to disk.
 */
import type { Content } from 'pdfmake/interfaces';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { Role } from '../../../../shared/domain/roles';
import type { Language } from '../../../../shared/i18n/texts';
import { t } from '../../../../shared/i18n/translate';
import { appendEvents } from '../../api/access';
import type { DossierCall } from '../../api/routes';
import { decide } from '../../access/gate';
import { refusal } from '../../access/subject';
import { invalid, notFound } from '../../errors';
import { renderPdf } from '../../pdf/render';
import { readCentre } from '../centre/centre-service';
import { findSite } from '../centre/repository';
import { loadPerson } from '../persons/repository';
import { findUser, rolesAndSitesOf } from '../users/repository';
import { findConsultation, findPrescription, type PrescriptionLine } from './repository';

/** The profession printed under the prescriber's name: the first prescribing role they hold. */
const PRESCRIBING_ROLES: readonly Role[] = ['doctor', 'specialist', 'nurse'];

/** `YYYY-MM-DD` as a French reader writes a date. */
function dayOf(day: string): string {
  return day.split('-').reverse().join('/');
}

function drugBlock(lang: Language, line: PrescriptionLine): Content {
  const details = [
    t(lang, 'consultations.pdf.dose', { dose: line.dose }),
    line.route
      ? t(lang, 'consultations.pdf.route', { route: t(lang, `consultations.routes.${line.route}`) })
      : null,
    t(lang, 'consultations.pdf.frequency', { frequency: line.frequency }),
    t(lang, 'consultations.pdf.duration', { duration: line.duration }),
  ].filter((d): d is string => d !== null);
  return {
    stack: [
      { text: line.drug, bold: true, fontSize: 11 },
      { text: details.join(t(lang, 'consultations.pdf.separator')), margin: [12, 2, 0, 0] },
    ],
    margin: [0, 0, 0, 10],
  };
}

/**
 * A PrEP prescription says the person takes PrEP: its paper also needs the prep section (role and
 * consent, as the PrEP tab), and the read is audited there too, beside the dispatcher's `medical`
 * entry. Checked before the professional number, so a refused reader learns nothing else.
 */
async function requirePrepRead({ actor, dossier }: DossierCall, prescriptionId: string): Promise<void> {
  const subject = dossier.access[0]?.subject;
  if (!subject) throw notFound('prescription');
  const decision = decide(actor, 'read', 'prep', subject);
  if (!decision.allowed) throw refusal(decision, 'prep');
  await appendEvents(
    dossier.em,
    [
      {
        actorId: actor.userId,
        action: 'read',
        section: 'prep',
        personId: dossier.person?.id ?? null,
        targetType: 'prescription_pdf',
        targetId: prescriptionId,
      },
    ],
    dossier.now,
  );
}

export async function prescriptionPdf(input: In<'consultations.prescriptionPdf'>, call: DossierCall) {
  const { em } = call.dossier;
  const prescription = await findPrescription(em, input.prescriptionId);
  if (!prescription || prescription.personId !== input.personId) throw notFound('prescription');
  if (prescription.prepEpisodeId) await requirePrepRead(call, prescription.id);
  const prescriber = await findUser(em, prescription.prescriberId);
  const number = prescriber?.professionalNumber?.trim();
  if (!prescriber || !number) throw invalid('professionalNumber', 'professional_number_required');
  const { roles } = await rolesAndSitesOf(em, [prescriber.id]);
  const held = new Set(roles.map((r) => r.role));
  const profession = PRESCRIBING_ROLES.find((r) => held.has(r)) ?? roles[0]?.role ?? null;

  const person = await loadPerson(em, prescription.personId);
  const consultation = prescription.consultationId
    ? await findConsultation(em, prescription.consultationId)
    : null;
  const site = await findSite(em, consultation?.siteId ?? person.siteId);
  const centre = await readCentre(em);
  const lang = input.locale ?? centre.defaultLocale;
  const date = dayOf(prescription.issuedOn);

  const content: Content[] = [
    {
      columns: [
        {
          stack: [
            { text: centre.name, bold: true, fontSize: 12 },
            site
              ? {
                  text: site.city
                    ? t(lang, 'consultations.pdf.site', { site: site.name, city: site.city })
                    : site.name,
                }
              : '',
            // The site's address (as typed, on its lines) and phone: where the ordonnance was issued.
            ...(site?.address ? [{ text: site.address }] : []),
            ...(site?.phone ? [{ text: t(lang, 'consultations.pdf.phone', { phone: site.phone }) }] : []),
          ],
        },
        {
          stack: [
            {
              text: t(lang, 'consultations.pdf.prescriber', {
                name: prescriber.displayName,
                profession: profession ? t(lang, `roles.${profession}`) : '',
              }),
              bold: true,
            },
            { text: t(lang, 'consultations.pdf.professionalNumber', { number }) },
          ],
          alignment: 'right',
        },
      ],
    },
    { text: t(lang, 'consultations.pdf.date', { date }), alignment: 'right', margin: [0, 16, 0, 0] },
    {
      text: t(lang, 'consultations.pdf.title'),
      fontSize: 16,
      bold: true,
      alignment: 'center',
      margin: [0, 12, 0, 12],
    },
    { text: t(lang, 'consultations.pdf.patient', { name: person.legalName ?? person.nameUsed }), bold: true },
    person.birthDate
      ? {
          text: t(lang, 'consultations.pdf.birthDate', { date: dayOf(person.birthDate) }),
          margin: [0, 0, 0, 16],
        }
      : { text: '', margin: [0, 0, 0, 16] },
    ...prescription.lines.map((line) => drugBlock(lang, line)),
    {
      text:
        prescription.renewals > 0
          ? t(lang, 'consultations.pdf.renewals', { count: prescription.renewals })
          : t(lang, 'consultations.pdf.noRenewal'),
      italics: true,
      margin: [0, 6, 0, 36],
    },
    { text: t(lang, 'consultations.pdf.signature'), alignment: 'right', margin: [0, 0, 0, 60] },
  ];
  const pdf = await renderPdf({ info: { title: t(lang, 'consultations.pdf.documentTitle') }, content });
  return {
    filename: t(lang, 'consultations.pdf.filename', { file: person.fileNumber, date: prescription.issuedOn }),
    base64: pdf.toString('base64'),
  };
}
