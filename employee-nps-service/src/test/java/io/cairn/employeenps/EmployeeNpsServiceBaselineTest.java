package io.cairn.employeenps;

import io.cairn.platform.test.CairnServiceTest;
import io.cairn.platform.test.ServiceBaselineContract;

@CairnServiceTest
class EmployeeNpsServiceBaselineTest extends ServiceBaselineContract {
}
