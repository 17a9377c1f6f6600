package io.cairn.employeenps;

import io.cairn.platform.test.CairnServiceTest;
import io.cairn.platform.test.ServiceBaselineContract;

@CairnServiceTest
class EmployeeNpsServiceBaselineTest extends ServiceBaselineContract {

    @Override
    protected String protectedPath() {
        return "/departments";
    }

    @Override
    protected String protectedPathRole() {
        return "viewer";
    }
}
