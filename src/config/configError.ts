/** A setting an operator must fix; its message is one line naming the variable and what it accepts. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}
