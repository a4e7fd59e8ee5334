package org.qibao.schemacoverage;

import graphql.execution.ExecutionStepInfo;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;

/**
 * Test only: notes every field a GraphQL request fetches, as {@code Type.field}, for the
 * schema-coverage check. Fetching is what counts: a field whose resolver then fails or refuses
 * was still asked for and reached its code (a refusal test covers its field). The schema fuzzer's
 * requests (operation {@value #FUZZ_OPERATION}) reach every field with garbage and count for none.
 */
class SchemaCoverageInstrumentation extends SimplePerformantInstrumentation {

	/** The operation name of the schema fuzzer's requests (org.qibao.security.SchemaFuzzTests). */
	static final String FUZZ_OPERATION = "SchemaFuzz";

	@Override
	public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		ExecutionStepInfo step = parameters.getExecutionStepInfo();
		if (FUZZ_OPERATION.equals(parameters.getExecutionContext().getOperationDefinition().getName())) {
			return FieldFetchingInstrumentationContext.NOOP;
		}
		FieldsResolved.record(step.getObjectType().getName() + "." + step.getFieldDefinition().getName());
		return FieldFetchingInstrumentationContext.NOOP;
	}

}
