/* kw-window-private.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-window.h"

#include "kw-account-page.h"
#include "kw-code-page.h"
#include "kw-delivery-page.h"
#include "kw-demo.h"
#include "kw-done-page.h"
#include "kw-password-page.h"
#include "kw-welcome-page.h"

G_BEGIN_DECLS

/* What the request in flight is, so that the right button shows the
 * spinner and "Try Again" repeats the right thing. */
typedef enum
{
  KW_WINDOW_REQUEST_NONE,
  KW_WINDOW_REQUEST_APPLY,
  KW_WINDOW_REQUEST_RESEND,
} KwWindowRequest;

/* What "Try Again" in an error dialog does. */
typedef void (*KwWindowRetryFunc) (KwWindow *self,
                                   gpointer  data);

#define KW_WINDOW_N_PAGES 5

struct _KwWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkRevealer          *inbox_revealer;
  GtkLabel             *inbox_label;
  GtkWidget            *inbox_copy_button;
  GtkWidget            *back_button;
  GtkWidget            *cancel_button;
  GtkWidget            *next_button;
  GtkSpinner           *next_spinner;
  GtkLabel             *next_label;
  GtkSpinner           *next_compact_spinner;
  GtkStack             *main_stack;
  KwWelcomePage        *welcome_page;
  GtkStack             *wizard_stack;
  KwAccountPage        *account_page;
  KwDeliveryPage       *delivery_page;
  KwCodePage           *code_page;
  KwPasswordPage       *password_page;
  KwDonePage           *done_page;

  /* Borrowed references: the template's pages, in order */
  KwWizardPage         *pages[KW_WINDOW_N_PAGES];

  /* Owned references */
  KwRecoveryFlow       *flow;
  KwDemo               *demo;
  KwWizardPage         *busy_page;      /* marked busy for a request other than its apply */
  GCancellable         *cancellable;    /* the request in flight; cancelled on closing */
  GCancellable         *import_cancellable;

  KwWindowRequest       request;        /* in flight */
  KwWindowRequest       last_request;   /* what "Try Again" repeats */
};

void          _kw_window_class_actions_init (GtkWidgetClass     *widget_class);
void          _kw_window_update             (KwWindow           *self);
gboolean      _kw_window_is_closed          (KwWindow           *self);
KwWizardPage *_kw_window_get_page           (KwWindow           *self);
void          _kw_window_go_to_page         (KwWindow           *self,
                                             KwWizardPage       *page);
void          _kw_window_restart            (KwWindow           *self,
                                             gboolean            keep_username);
void          _kw_window_choose_file        (KwWindow           *self);
void          _kw_window_show_message       (KwWindow           *self,
                                             KwUserMessage      *message,
                                             KwWindowRetryFunc   retry,
                                             gpointer            retry_data,
                                             GDestroyNotify      retry_data_free);
void          _kw_window_report_failure     (KwWindow           *self,
                                             const GError       *error,
                                             KwCognitoOperation  operation);
void          _kw_window_dismiss_inbox      (KwWindow           *self);
void          _kw_window_toast              (KwWindow           *self,
                                             const char         *markup);

G_END_DECLS
