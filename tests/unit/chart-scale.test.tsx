import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StackedBarChart } from "@/components/charts/StackedBarChart";
import { LineChart } from "@/components/charts/LineChart";
import { niceTicks } from "@/components/charts/scale";
import { formatMoney } from "@/lib/money/format";

const euros = (cents: number) => formatMoney(cents, "fr", { whole: true });
/** The value axis's labels, in the order drawn. */
const axisLabels = (svg: string) => [...svg.matchAll(/<text[^>]*text-anchor="end"[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);

describe("chart value axis", () => {
  it("ticks from 0 to a round number at or above the largest value", () => {
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(240_000)).toEqual([0, 50_000, 100_000, 150_000, 200_000, 250_000]);
  });

  it("whole numbers (counts, cents): whole steps, never 0.2 of a need", () => {
    expect(niceTicks(1, 5, true)).toEqual([0, 1]);
    expect(niceTicks(3, 5, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(12, 5, true)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    const bars = renderToStaticMarkup(<StackedBarChart id="c" label="Besoins" categories={["nov.", "déc."]} series={[{ label: "Besoins", values: [0, 1] }]} format={String} />);
    expect(axisLabels(bars)).toEqual(["0", "1"]);
  });

  it("nothing above 0: the 0 tick alone, not a second tick labelled 0 € (a cent)", () => {
    expect(niceTicks(0)).toEqual([0]);
    const bars = renderToStaticMarkup(<StackedBarChart id="t" label="Dépensé" categories={["janv.", "févr."]} series={[{ label: "Dépensé", values: [0, 0] }]} format={euros} />);
    expect(axisLabels(bars)).toEqual([euros(0)]);
    const line = renderToStaticMarkup(<LineChart id="l" label="Besoins" series={[{ label: "Besoins", values: [0, 0, 0] }]} xTickEvery={1} xLabel={(i) => String(i)} format={String} />);
    expect(axisLabels(line)).toEqual(["0"]);
  });
});
