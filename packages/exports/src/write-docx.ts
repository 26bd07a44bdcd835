import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { writeSummary } from '@ggw/rollup';
import { ExportSource } from './export-content';
import { committeeName, dateLine, figureStateText, fullWidthPunctuation, generatedLine, periodLabel } from './labels';

/** 三号仿宋 (16 pt), the body size of official documents; docx sizes are half-points. */
const BODY = { font: '仿宋', size: 32 } as const;

/**
 * The annual summary's figures as a Word document an admin can edit and print: a title, a line
 * saying where the figures come from, the paragraphs `summary(period)` writes, and the 落款
 * (the committee's name and the date, right-aligned); 第 X 页 in the footer. The figures' texts
 * are written with ASCII punctuation: a printed Chinese document uses the full-width signs.
 */
export async function summaryDocument(source: ExportSource, generatedAt: Date): Promise<Buffer> {
  const figures = await source.summaryFigures();
  const text = fullWidthPunctuation(writeSummary({ org: source.org, now: figures.now, before: figures.before }));
  const title = fullWidthPunctuation(`${source.org.name}关工委${periodLabel(source.period)}工作总结(数据部分)`);
  const body = (t: string) => new Paragraph({
    children: [new TextRun({ text: t, ...BODY })],
    indent: { firstLine: 640 },
    spacing: { line: 560 },
  });
  // right-aligned, two characters in from the margin, a blank line above it
  const signature = (t: string, before: number) => new Paragraph({
    alignment: AlignmentType.RIGHT,
    indent: { right: 640 },
    spacing: { before, line: 560 },
    children: [new TextRun({ text: t, ...BODY })],
  });
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页'], size: 21 })] })],
  });
  const document = new Document({
    creator: '关工委工作报表平台',
    title,
    sections: [{
      footers: { default: footer },
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: title, font: '方正小标宋简体', size: 44 })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: fullWidthPunctuation(`${generatedLine(generatedAt)};${figureStateText(source.state)}`), size: 21, color: '666666' })] }),
        ...text.split('\n').map(body),
        signature(committeeName(source.org), 560),
        signature(dateLine(generatedAt), 0),
      ],
    }],
  });
  return Packer.toBuffer(document);
}
