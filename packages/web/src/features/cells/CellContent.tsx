import { cardKindsForLane } from "@opencjm/core";
import { useMemo, useState } from "react";
import { StepEvidence } from "../evidence/map/StepEvidence.js";
import { StepQuotes } from "../evidence/map/StepQuotes.js";
import { StepResearchQuotes } from "../research/StepResearchQuotes.js";
import { StepSurveyQuotes } from "../research/StepSurveyQuotes.js";
import type { CardContext } from "./CardView.js";
import { CellDisplay } from "./CellDisplay.js";
import { CellEditor } from "./CellEditor.js";
import type { CellContentProps } from "./CellContentProps.js";

/**
 * What is inside one card cell of the grid, for every lane type: the cards drawn compactly (each with its evidence
 * marker, draggable within and between cells), and in edit mode an editor for each card plus a way to add one.
 */
export function CellContent(props: CellContentProps) {
  const { lane, step, catalogue, workspaceId, onCatalogueChange, readOnly, editing } = props;
  const context = useMemo<CardContext>(
    () => ({ catalogue, laneType: lane.type, cellKey: `${lane.id}:${step.id}`, workspaceId, onCatalogueChange }),
    [catalogue, lane.type, lane.id, step.id, workspaceId, onCatalogueChange],
  );
  // The card a double-click landed on, so edit mode starts in that card rather than the cell's first one.
  const [startAt, setStartAt] = useState<string | null>(null);
  // The emotion lane holds emotion points, which the grid draws as a curve.
  if (cardKindsForLane(lane.type).length === 0) return null;
  // Measured data (the data lane's numbers, customers' own quotes) shows above the cards while the map shows its data;
  // the quotes lane also carries what research participants said and survey respondents wrote at the step (in the live
  // editor).
  const measured =
    lane.type === "data" ? (
      <StepEvidence stepId={step.id} />
    ) : lane.type === "quotes" ? (
      <>
        <StepResearchQuotes stepId={step.id} label={step.name} />
        <StepSurveyQuotes stepId={step.id} label={step.name} />
        <StepQuotes stepId={step.id} />
      </>
    ) : null;
  if (editing && !readOnly)
    return <CellEditor {...props} context={context} startAtCardId={startAt} onStarted={() => setStartAt(null)} />;
  return (
    <>
      {measured}
      <CellDisplay {...props} context={context} onCardDoubleClick={setStartAt} />
    </>
  );
}
