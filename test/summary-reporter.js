/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, that CI tools read whatever
 * the test runner. With the option `label` (one word), the line starts with `label:`, so that a
 * second suite's line (the remote one) is told from the main one's.
 */
class SummaryReporter {
  constructor(_globalConfig, options = {}) {
    this.prefix = options.label ? `${options.label}: ` : '';
  }

  onRunComplete(_contexts, results) {
    console.log(`\n${this.prefix}${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped`);
  }
}
module.exports = SummaryReporter;
