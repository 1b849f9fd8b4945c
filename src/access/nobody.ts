/** No caller, whatever their role: for records no API may write (audit entries, a block's deletion). */
export const nobody = () => false
