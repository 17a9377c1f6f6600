package io.cairn.touchpoint;

import io.cairn.platform.test.CairnServiceTest;
import io.cairn.platform.test.ServiceBaselineContract;

@CairnServiceTest
class TouchpointServiceBaselineTest extends ServiceBaselineContract {

    @Override
    protected String protectedPath() {
        return "/touchpoints/search";
    }

    @Override
    protected String protectedPathRole() {
        return "viewer";
    }
}
