package io.cairn.journey;

import io.cairn.platform.test.CairnServiceTest;
import io.cairn.platform.test.ServiceBaselineContract;

@CairnServiceTest
class JourneyServiceBaselineTest extends ServiceBaselineContract {

    @Override
    protected String protectedPath() {
        return "/journeys";
    }

    @Override
    protected String protectedPathRole() {
        return "viewer";
    }
}
