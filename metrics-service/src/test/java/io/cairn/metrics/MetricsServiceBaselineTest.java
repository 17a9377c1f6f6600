package io.cairn.metrics;

import io.cairn.platform.test.CairnServiceTest;
import io.cairn.platform.test.ServiceBaselineContract;

@CairnServiceTest
class MetricsServiceBaselineTest extends ServiceBaselineContract {
}
