export { fr } from './fr';
export { en } from './en';
