import type { Command } from 'commander';
import { bindParams, findReport, loadReports } from '../../reports/registry';
import type { Report } from '../../reports/registry';
import { formatOption, withGraph } from '../context';
import { render } from '../output';
import type { Format } from '../output';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('run a canned Cypher report from cypher/ ("report list" shows them)')
    .argument('<name>', 'report name, or "list"')
    .option('-p, --param <key=value>', 'report parameter (repeatable); checked against the report header', collect, [])
    .addOption(formatOption())
    .addHelpText('after', '\nExamples:\n  newsgraph report list\n  newsgraph report top-actors -p label=State -p limit=5 --format csv')
    .action(async (name: string, opts: { param: string[]; format: Format }) => {
      const reports = loadReports();
      if (name === 'list') {
        process.stdout.write(render(opts.format, reports.map(listRow), ['name', 'description', 'parameters', 'columns']));
        return;
      }
      const report = findReport(name, reports);
      const params = bindParams(report, opts.param);
      const rows = await withGraph((g) => g.query(report.cypher, params, 'read'));
      process.stdout.write(render(opts.format, rows, report.columns.length ? report.columns : undefined));
    });
}

function listRow(r: Report): Record<string, string> {
  return {
    name: r.name,
    description: r.description,
    parameters: r.params.map((p) => `${p.name}${p.default !== null ? `=${p.default}` : ''}`).join(' '),
    columns: r.columns.join(', '),
  };
}
