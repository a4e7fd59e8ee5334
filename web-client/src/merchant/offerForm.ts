import type { OfferUpdateInput } from '../gql/graphql';
import { instantOf } from '../volunteer/patrol/time';

/** An offer's terms as the edit form holds them: text, as the inputs give it. */
export interface OfferFormValues {
  title: string;
  discount: string;
  description: string;
  price: string;
  /** Wall-clock time in the community's zone, as a datetime-local input gives it (`YYYY-MM-DDTHH:mm`). */
  validFrom: string;
  validUntil: string;
  daily: string;
  monthly: string;
  stock: string;
}

/** The offer as the server sent it. */
export interface EditableOffer {
  id: string;
  title: string;
  description: string;
  discount: string;
  priceMinutes: number;
  validFrom: string;
  validUntil: string;
  dailyLimit?: number | null;
  monthlyLimit?: number | null;
  stock?: number | null;
}

/** The inputs of OfferUpdateInput that a user error can point at. */
export type OfferField = 'title' | 'discount' | 'description' | 'priceMinutes' | 'validFrom' | 'validUntil'
  | 'dailyLimit' | 'monthlyLimit' | 'stock';

const FIELDS: readonly OfferField[] = ['title', 'discount', 'description', 'priceMinutes', 'validFrom', 'validUntil',
  'dailyLimit', 'monthlyLimit', 'stock'];

/** A problem found before sending: the field and a translation key. */
export interface FormProblem {
  field: OfferField;
  key: 'offers.edit.wholeNumber' | 'offers.edit.timeRequired';
}

/** The wall-clock time of an instant in a time zone, as a datetime-local input shows it. */
export function wallTimeOf(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** The form prefilled with the offer's terms; limits without a value stay empty ("no limit"). */
export function formOf(offer: EditableOffer, timeZone: string): OfferFormValues {
  const text = (value: number | null | undefined) => (value == null ? '' : String(value));
  return {
    title: offer.title,
    discount: offer.discount,
    description: offer.description,
    price: String(offer.priceMinutes),
    validFrom: wallTimeOf(offer.validFrom, timeZone),
    validUntil: wallTimeOf(offer.validUntil, timeZone),
    daily: text(offer.dailyLimit),
    monthly: text(offer.monthlyLimit),
    stock: text(offer.stock),
  };
}

const WHOLE = /^\d+$/;
const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * The offerUpdate input for the edited form, or the problems that keep it from being sent
 * (a number that is not whole, a missing time). Ranges are the server's to judge. A time left as
 * it was prefilled keeps the offer's exact instant, so saving other terms never moves the window
 * by the seconds a datetime-local input cannot show.
 */
export function updateInputOf(offer: EditableOffer, form: OfferFormValues, timeZone: string):
  { input: OfferUpdateInput; problems: [] } | { input: null; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const whole = (value: string, field: OfferField, optional: boolean): number | null => {
    const typed = value.trim();
    if (typed === '' && optional) return null;
    if (!WHOLE.test(typed)) {
      problems.push({ field, key: 'offers.edit.wholeNumber' });
      return null;
    }
    return Number(typed);
  };
  const instant = (value: string, original: string, field: OfferField): string => {
    if (value === wallTimeOf(original, timeZone)) return original;
    if (!WALL_TIME.test(value)) {
      problems.push({ field, key: 'offers.edit.timeRequired' });
      return original;
    }
    return instantOf(value, timeZone);
  };
  const input: OfferUpdateInput = {
    offerId: offer.id,
    title: form.title.trim(),
    discount: form.discount.trim(),
    description: form.description.trim(),
    priceMinutes: whole(form.price, 'priceMinutes', false) ?? 0,
    validFrom: instant(form.validFrom, offer.validFrom, 'validFrom'),
    validUntil: instant(form.validUntil, offer.validUntil, 'validUntil'),
    dailyLimit: whole(form.daily, 'dailyLimit', true),
    monthlyLimit: whole(form.monthly, 'monthlyLimit', true),
    stock: whole(form.stock, 'stock', true),
  };
  return problems.length > 0 ? { input: null, problems } : { input, problems: [] };
}

/** The form field a user error points at (`["input", "priceMinutes"]`), or null when it concerns the whole offer. */
export function fieldOf(path: readonly string[] | null | undefined): OfferField | null {
  const name = path?.[path.length - 1];
  return (FIELDS as readonly string[]).includes(name ?? '') ? (name as OfferField) : null;
}
