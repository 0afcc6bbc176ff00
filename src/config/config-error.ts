/** A setting the operator must fix: the process stops with its message and exit code 78. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
