import { InvalidArgumentError } from 'commander';

/** A commander option parser for a positive whole number; `flag` names it in the error. */
const positiveInteger =
  (flag: string) =>
  (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed <= 0) {
      throw new InvalidArgumentError(`${flag} takes a positive whole number, got '${value}'`);
    }
    return parsed;
  };

export { positiveInteger };
