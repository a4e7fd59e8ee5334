package org.qibao.schemacoverage;

import graphql.execution.ExecutionStepInfo;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;

/**
 * Test only: notes every field a GraphQL request fetches, as {@code Type.field}, for the
 * schema-coverage check. Fetching is what counts: a field whose resolver then fails or refuses
 * was still asked for and reached its code (a refusal test covers its field).
 */
class SchemaCoverageInstrumentation extends SimplePerformantInstrumentation {

	@Override
	public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		ExecutionStepInfo step = parameters.getExecutionStepInfo();
		FieldsResolved.record(step.getObjectType().getName() + "." + step.getFieldDefinition().getName());
		return FieldFetchingInstrumentationContext.NOOP;
	}

}
