import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { writeSummary } from '@ggw/rollup';
import { ExportSource } from './export-content';
import { figureStateText, generatedLine, periodLabel } from './labels';

/**
 * The annual summary's figures as a Word document an admin can edit: a title, a line saying
 * where the figures come from, then the paragraphs `summary(period)` writes.
 */
export async function summaryDocument(source: ExportSource, generatedAt: Date): Promise<Buffer> {
  const figures = await source.summaryFigures();
  const text = writeSummary({ org: source.org, now: figures.now, before: figures.before });
  const body = (t: string) => new Paragraph({
    children: [new TextRun({ text: t, font: '仿宋', size: 32 })],
    indent: { firstLine: 640 },
    spacing: { line: 560 },
  });
  const document = new Document({
    creator: '关工委工作报表平台',
    title: `${source.org.name}关工委${periodLabel(source.period)}工作总结(数据部分)`,
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: `${source.org.name}关工委${periodLabel(source.period)}工作总结(数据部分)`, font: '方正小标宋简体', size: 44 })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `${generatedLine(generatedAt)};${figureStateText(source.state)}`, size: 21, color: '666666' })] }),
        ...text.split('\n').map(body),
      ],
    }],
  });
  return Packer.toBuffer(document);
}
