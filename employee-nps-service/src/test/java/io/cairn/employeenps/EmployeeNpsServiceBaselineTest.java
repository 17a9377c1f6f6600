package io.cairn.employeenps;

import io.cairn.platform.test.CairnServiceTest;
import io.cairn.platform.test.ServiceBaselineContract;

@CairnServiceTest
class EmployeeNpsServiceBaselineTest extends ServiceBaselineContract {

    @Override
    protected String protectedPath() {
        return "/actuator/info";
    }

    @Override
    protected String protectedPathRole() {
        return "admin";
    }
}
