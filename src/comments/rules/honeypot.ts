/**
 * The hidden form field people never see and bots fill in. Named like a real field so that bots
 * do; the comment form hides it from people, screen readers and the keyboard.
 */
export const HONEYPOT_FIELD = 'homepage'
