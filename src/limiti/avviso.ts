// Placeholder until the deflection catalogue lands (issue 4): the form shows no notice yet.
import { nothing } from 'lit';

export const avvisoLimiti = (_descrizione: string, _host: Element) => nothing;
