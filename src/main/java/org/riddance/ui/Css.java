package org.riddance.ui;

import javafx.css.PseudoClass;

/** Style class names used in code and in {@code css/riddance.css}; tests look nodes up by them too. */
public final class Css {

    public static final String STYLESHEET = "/org/riddance/css/riddance.css";

    public static final String WIZARD_ROOT = "wizard-root";
    public static final String HEADER_BAR = "header-bar";
    public static final String APP_TITLE = "app-title";
    public static final String APP_LOGO = "app-logo";
    public static final String SESSION_SUMMARY = "session-summary";
    public static final String STEP_RAIL = "step-rail";
    public static final String RAIL_ITEM = "rail-item";
    public static final String STEP_NAME = "step-name";
    public static final String STEP_NUMBER = "step-number";
    public static final String STEP_STATE_TEXT = "step-state-text";
    public static final String STEP_ICON = "step-icon";
    public static final String STEP_STATE_ICON = "step-state-icon";
    public static final String STEP_CONTENT = "step-content";
    public static final String STEP_HEADING = "step-heading";
    public static final String STEP_INTRO = "step-intro";
    public static final String NAVIGATION_BAR = "navigation-bar";
    public static final String LOCK_NOTE = "lock-note";
    public static final String WELCOME_FORM = "welcome-form";
    public static final String FIELD_LABEL = "field-label";
    public static final String PLAN_CARD = "plan-card";
    public static final String PLAN_ICON = "plan-icon";
    public static final String MACHINE_LINE = "machine-line";
    public static final String UNAVAILABLE_STEP = "unavailable-step";
    public static final String UNAVAILABLE_ICON = "unavailable-icon";
    public static final String UNAVAILABLE_BADGE = "unavailable-badge";
    public static final String PRIVILEGE_BANNER = "banner";
    public static final String TOAST = "toast";
    public static final String PLAN_ITEM = "plan-item";
    public static final String PLAN_COMMAND = "plan-command";
    public static final String REMOVAL_LOG = "removal-log";
    public static final String AV_CARD = "av-card";
    public static final String AV_STATUS_ICON = "av-status-icon";
    public static final String AV_BADGE = "av-badge";
    public static final String AV_FACTS = "av-facts";
    public static final String AV_ADVICE = "av-advice";

    public static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private Css() {
    }
}
