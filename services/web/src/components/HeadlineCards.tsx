import { FigureLike, formatChange, formatValue } from '../format';

/** The figures an office quotes first, each with its change against the same period last year. */
export function HeadlineCards({ figures }: { figures: FigureLike[] }) {
  return (
    <section className="cards" aria-label="主要指标">
      {figures.map((f) => {
        const v = formatValue(f);
        const change = formatChange(f);
        return (
          <article key={f.key} className="card" data-figure={f.key}>
            <h3>{f.label}</h3>
            <p className="value"><strong>{v.text}</strong> <span className="unit">{v.unit}</span></p>
            {change && <p className={`change ${(f.change ?? 0) > 0 ? 'up' : (f.change ?? 0) < 0 ? 'down' : ''}`}>{change}</p>}
          </article>
        );
      })}
    </section>
  );
}
