/* kw-window-actions.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-window-private.h"

#include "kw-error-dialog.h"

#include <glib/gi18n-lib.h>

/* The wizard's actions: Next runs the page's apply step and advances only
 * when it succeeds; Back, Cancel, Escape; sending a new code; and what the
 * error dialogs' buttons do. */

static void
kw_window_advance (KwWindow     *self,
                   KwWizardPage *page)
{
  if (page == KW_WIZARD_PAGE (self->account_page))
    {
      _kw_window_go_to_page (self, KW_WIZARD_PAGE (self->delivery_page));
    }
  else if (page == KW_WIZARD_PAGE (self->delivery_page))
    {
      _kw_window_go_to_page (self, KW_WIZARD_PAGE (self->code_page));
    }
  else if (page == KW_WIZARD_PAGE (self->code_page))
    {
      kw_password_page_set_code (self->password_page, kw_code_page_get_code (self->code_page));
      _kw_window_go_to_page (self, KW_WIZARD_PAGE (self->password_page));
    }
  else if (page == KW_WIZARD_PAGE (self->password_page))
    {
      /* Neither the code nor the password is of any use any more. */
      kw_wizard_page_reset (KW_WIZARD_PAGE (self->code_page));
      kw_wizard_page_reset (KW_WIZARD_PAGE (self->password_page));
      _kw_window_dismiss_inbox (self);
      _kw_window_go_to_page (self, KW_WIZARD_PAGE (self->done_page));
    }
}

static void
kw_window_refocus (KwWindow *self)
{
  KwWizardPage *page = _kw_window_get_page (self);
  GtkWidget *focus;

  if (page == NULL)
    return;

  focus = kw_wizard_page_get_initial_focus (page);
  gtk_widget_grab_focus (focus != NULL ? focus : self->next_button);

  /* Put the cursor where the correction most likely goes, rather than
   * selecting what is there for replacing. */
  if (focus != NULL && GTK_IS_EDITABLE (focus))
    gtk_editable_set_position (GTK_EDITABLE (focus), -1);
}

/* The page's fields turn insensitive while it is busy; a field that has
 * the focus then must give it up first, or GTK takes it away without
 * telling the field. The focus comes back when the request ends. */
static void
kw_window_release_focus (KwWindow     *self,
                         KwWizardPage *page)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (page)))
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

/* The password page shows these next to its fields, in the service's own
 * words; a dialog on top would only repeat them. */
static gboolean
is_password_refusal (const GError *error)
{
  return g_error_matches (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_PASSWORD) ||
         g_error_matches (error, KW_COGNITO_ERROR,
                          KW_COGNITO_ERROR_PASSWORD_HISTORY_POLICY_VIOLATION);
}

static void
kw_window_apply_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  KwWizardPage *page = KW_WIZARD_PAGE (object);
  g_autoptr(KwWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean applied;

  g_assert (KW_IS_WINDOW (self));

  applied = kw_wizard_page_apply_finish (page, result, &error);

  g_clear_object (&self->cancellable);
  self->request = KW_WINDOW_REQUEST_NONE;

  if (_kw_window_is_closed (self))
    return;

  _kw_window_update (self);

  if (applied)
    {
      kw_window_advance (self, page);
      return;
    }

  /* Back to typing; whatever a dialog says first, the focus is in the
   * field once it is closed. */
  kw_window_refocus (self);

  /* Cancelled on purpose, or the page says what is wrong next to the
   * field (the service's verdict on a new password among it). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, KW_WIZARD_PAGE_ERROR, KW_WIZARD_PAGE_ERROR_INVALID_INPUT) ||
      (page == KW_WIZARD_PAGE (self->password_page) && is_password_refusal (error)))
    return;

  _kw_window_report_failure (self, error,
                             page == KW_WIZARD_PAGE (self->password_page)
                               ? KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD
                               : KW_COGNITO_OPERATION_FORGOT_PASSWORD);
}

static void
kw_window_next_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  KwWindow *self = KW_WINDOW (widget);
  KwWizardPage *page = _kw_window_get_page (self);

  /* The action is off in all these cases; a second press must never send
   * a second request, whatever the way it arrives. */
  if (page == NULL ||
      self->cancellable != NULL ||
      kw_wizard_page_get_busy (page) ||
      !kw_wizard_page_get_complete (page))
    return;

  kw_window_release_focus (self, page);

  self->cancellable = g_cancellable_new ();
  self->request = KW_WINDOW_REQUEST_APPLY;
  self->last_request = KW_WINDOW_REQUEST_APPLY;
  _kw_window_update (self);

  kw_wizard_page_apply_async (page, self->cancellable, kw_window_apply_cb, g_object_ref (self));
}

void
_kw_window_restart (KwWindow *self,
                    gboolean  keep_username)
{
  g_cancellable_cancel (self->cancellable);

  /* Back to idle: no code of the old attempt can be used any more. */
  if (self->flow != NULL)
    kw_recovery_flow_reset (self->flow);

  kw_wizard_page_reset (KW_WIZARD_PAGE (self->code_page));
  kw_wizard_page_reset (KW_WIZARD_PAGE (self->password_page));
  if (!keep_username)
    kw_wizard_page_reset (KW_WIZARD_PAGE (self->account_page));
  _kw_window_dismiss_inbox (self);

  _kw_window_go_to_page (self, KW_WIZARD_PAGE (self->account_page));
}

static void
kw_window_back_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  KwWindow *self = KW_WINDOW (widget);
  KwWizardPage *page = _kw_window_get_page (self);

  if (page == NULL || self->cancellable != NULL || !kw_wizard_page_get_can_go_back (page))
    return;

  /* Before the delivery page a code was sent; going back there means
   * asking for another account's code. */
  if (page == KW_WIZARD_PAGE (self->delivery_page))
    _kw_window_restart (self, TRUE);
  else if (page == KW_WIZARD_PAGE (self->code_page))
    _kw_window_go_to_page (self, KW_WIZARD_PAGE (self->delivery_page));
  else if (page == KW_WIZARD_PAGE (self->password_page))
    _kw_window_go_to_page (self, KW_WIZARD_PAGE (self->code_page));
}

static void
kw_window_cancel_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  KwWindow *self = KW_WINDOW (widget);

  /* The flow passes it down to the HTTP request; the callbacks see
   * G_IO_ERROR_CANCELLED and say nothing. */
  g_cancellable_cancel (self->cancellable);
}

static void
kw_window_escape_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  KwWindow *self = KW_WINDOW (widget);

  if (self->cancellable != NULL)
    gtk_widget_activate_action (widget, "win.cancel", NULL);
  else
    gtk_widget_activate_action (widget, "win.back", NULL);
}

static void
kw_window_resend_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  KwRecoveryFlow *flow = KW_RECOVERY_FLOW (object);
  g_autoptr(KwWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  const KwCodeDeliveryDetails *delivery;
  KwWizardPage *page;
  gboolean sent;

  g_assert (KW_IS_WINDOW (self));

  sent = kw_recovery_flow_resend_code_finish (flow, result, &error);

  if (self->busy_page != NULL)
    kw_wizard_page_set_busy (self->busy_page, FALSE);
  g_clear_object (&self->busy_page);
  g_clear_object (&self->cancellable);
  self->request = KW_WINDOW_REQUEST_NONE;

  if (_kw_window_is_closed (self))
    return;

  _kw_window_update (self);
  kw_window_refocus (self);

  if (!sent)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _kw_window_report_failure (self, error, KW_COGNITO_OPERATION_FORGOT_PASSWORD);
      return;
    }

  /* The demo's inbox says as much, with the code. */
  delivery = kw_recovery_flow_get_delivery (flow);
  if (delivery != NULL && self->demo == NULL)
    {
      g_autofree char *where = kw_delivery_describe_destination (delivery);
      /* Translators: the placeholder names the destination, such as
       * "the email address j***@e***". */
      g_autofree char *text = g_strdup_printf (_("A new code was sent to %s."), where);

      _kw_window_toast (self, text);
    }

  /* Asked for from a dialog on a later step: the old code is void, so the
   * new one is what to type next. */
  page = _kw_window_get_page (self);
  if (page == KW_WIZARD_PAGE (self->code_page) || page == KW_WIZARD_PAGE (self->password_page))
    {
      kw_wizard_page_reset (KW_WIZARD_PAGE (self->code_page));
      _kw_window_go_to_page (self, KW_WIZARD_PAGE (self->code_page));
    }
}

static void
kw_window_resend_code_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  KwWindow *self = KW_WINDOW (widget);
  KwWizardPage *page = _kw_window_get_page (self);

  if (page == NULL ||
      self->flow == NULL ||
      self->cancellable != NULL ||
      !kw_recovery_flow_get_can_resend (self->flow))
    return;

  kw_window_release_focus (self, page);

  self->cancellable = g_cancellable_new ();
  self->request = KW_WINDOW_REQUEST_RESEND;
  self->last_request = KW_WINDOW_REQUEST_RESEND;
  self->busy_page = g_object_ref (page);
  kw_wizard_page_set_busy (page, TRUE);
  _kw_window_update (self);

  kw_recovery_flow_resend_code_async (self->flow, self->cancellable,
                                      kw_window_resend_cb, g_object_ref (self));
}

static void
kw_window_change_account_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  _kw_window_restart (KW_WINDOW (widget), TRUE);
}

static void
kw_window_restart_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  _kw_window_restart (KW_WINDOW (widget), FALSE);
}

static void
kw_window_open_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  _kw_window_choose_file (KW_WINDOW (widget));
}

static void
kw_window_copy_demo_code_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  KwWindow *self = KW_WINDOW (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), g_variant_get_string (param, NULL));
  _kw_window_toast (self, _("Code copied"));
}

static void
kw_window_dismiss_inbox_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  _kw_window_dismiss_inbox (KW_WINDOW (widget));
}

static void
kw_window_dialog_can_resend_cb (KwRecoveryFlow   *flow,
                                GParamSpec       *pspec,
                                AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, KW_ERROR_DIALOG_RESPONSE_ACTION,
                                           kw_recovery_flow_get_can_resend (flow));
}

typedef struct
{
  KwWindowRetryFunc func;
  gpointer          data;
  GDestroyNotify    data_free;
} RetryClosure;

static void
retry_closure_free (RetryClosure *retry)
{
  if (retry->data_free != NULL)
    retry->data_free (retry->data);
  g_free (retry);
}

static void
kw_window_open_settings (KwWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (application != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (application), "connections", NULL);
}

static void
kw_window_message_response_cb (KwWindow      *self,
                               const char    *response,
                               KwErrorDialog *dialog)
{
  KwUserMessage *message = kw_error_dialog_get_message (dialog);
  RetryClosure *retry;

  g_assert (KW_IS_WINDOW (self));

  if (_kw_window_is_closed (self) || g_strcmp0 (response, KW_ERROR_DIALOG_RESPONSE_ACTION) != 0)
    return;

  switch (kw_user_message_get_action (message))
    {
    case KW_USER_ACTION_RETRY:
      retry = g_object_get_data (G_OBJECT (dialog), "kw-retry");
      if (retry != NULL)
        retry->func (self, retry->data);
      break;

    case KW_USER_ACTION_RESEND_CODE:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.resend-code", NULL);
      break;

    case KW_USER_ACTION_EDIT_USERNAME:
      _kw_window_restart (self, TRUE);
      break;

    case KW_USER_ACTION_EDIT_CODE:
      _kw_window_go_to_page (self, KW_WIZARD_PAGE (self->code_page));
      break;

    case KW_USER_ACTION_EDIT_PASSWORD:
      _kw_window_go_to_page (self, KW_WIZARD_PAGE (self->password_page));
      break;

    case KW_USER_ACTION_CONTACT_ADMINISTRATOR:
      /* The dialog has put the report on the clipboard. */
      _kw_window_toast (self, _("Details copied"));
      break;

    case KW_USER_ACTION_OPEN_CONNECTION_SETTINGS:
      kw_window_open_settings (self);
      break;

    case KW_USER_ACTION_NONE:
    case KW_USER_ACTION_WAIT:
    default:
      break;
    }
}

/* Whether the Connections window can help: the demo's connections are
 * not in it. */
static gboolean
kw_window_can_open_settings (KwWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  return self->demo == NULL &&
         application != NULL &&
         g_action_group_get_action_enabled (G_ACTION_GROUP (application), "connections");
}

/* Shows @message as a dialog whose suggested action does what it says;
 * "Try Again" calls @retry, and is not offered without one. The wizard's
 * own actions (a new code, another field) are offered only while the
 * wizard is up; "Copy Details" always; the connection settings where
 * they can help. */
void
_kw_window_show_message (KwWindow          *self,
                         KwUserMessage     *message,
                         KwWindowRetryFunc  retry,
                         gpointer           retry_data,
                         GDestroyNotify     retry_data_free)
{
  KwUserAction action = kw_user_message_get_action (message);
  gboolean offer_action;
  GtkWidget *dialog;

  g_assert (KW_IS_WINDOW (self));
  g_assert (KW_IS_USER_MESSAGE (message));

  if (action == KW_USER_ACTION_RETRY)
    offer_action = retry != NULL;
  else if (action == KW_USER_ACTION_CONTACT_ADMINISTRATOR)
    offer_action = TRUE;
  else if (action == KW_USER_ACTION_OPEN_CONNECTION_SETTINGS)
    offer_action = kw_window_can_open_settings (self);
  else
    offer_action = _kw_window_get_page (self) != NULL && self->flow != NULL;

  dialog = kw_error_dialog_new (GTK_WINDOW (self), message, offer_action);

  if (retry != NULL)
    {
      RetryClosure *closure = g_new0 (RetryClosure, 1);

      closure->func = retry;
      closure->data = retry_data;
      closure->data_free = retry_data_free;
      g_object_set_data_full (G_OBJECT (dialog), "kw-retry", closure,
                              (GDestroyNotify) retry_closure_free);
    }
  else if (retry_data_free != NULL)
    {
      retry_data_free (retry_data);
    }

  /* "Send New Code" stays off until the service would take it. */
  if (self->flow != NULL &&
      kw_error_dialog_offers_action (KW_ERROR_DIALOG (dialog)) &&
      action == KW_USER_ACTION_RESEND_CODE)
    {
      kw_window_dialog_can_resend_cb (self->flow, NULL, ADW_MESSAGE_DIALOG (dialog));
      g_signal_connect_object (self->flow, "notify::can-resend",
                               G_CALLBACK (kw_window_dialog_can_resend_cb), dialog, 0);
    }

  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (kw_window_message_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Try Again after a wizard request: the same request once more. */
static void
kw_window_retry_request (KwWindow *self,
                         gpointer  data)
{
  if (self->last_request == KW_WINDOW_REQUEST_RESEND)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.resend-code", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.next", NULL);
}

void
_kw_window_report_failure (KwWindow           *self,
                           const GError       *error,
                           KwCognitoOperation  operation)
{
  g_autoptr(KwUserMessage) message = NULL;
  KwConnection *connection = NULL;

  g_assert (KW_IS_WINDOW (self));
  g_assert (error != NULL);

  if (self->flow != NULL)
    {
      connection = kw_recovery_flow_get_connection (self->flow);

      /* The flow words its own failures, knowing the connection. */
      if (kw_recovery_flow_get_state (self->flow) == KW_RECOVERY_STATE_FAILED &&
          kw_recovery_flow_get_message (self->flow) != NULL)
        message = g_object_ref (kw_recovery_flow_get_message (self->flow));
    }

  if (message == NULL)
    message = kw_user_message_new_for_error (error, operation, connection);

  /* A wrong or expired code is fixed on the code page; the password
   * typed on this one is kept for when the person comes back. */
  if (operation == KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD &&
      (g_error_matches (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_CODE_MISMATCH) ||
       g_error_matches (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_EXPIRED_CODE)))
    {
      _kw_window_go_to_page (self, KW_WIZARD_PAGE (self->code_page));
      kw_code_page_show_problem (self->code_page, kw_user_message_get_body (message));
    }

  _kw_window_show_message (self, message, kw_window_retry_request, NULL, NULL);
}

void
_kw_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.next", NULL, kw_window_next_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, kw_window_back_action);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, kw_window_cancel_action);
  gtk_widget_class_install_action (widget_class, "win.escape", NULL, kw_window_escape_action);
  gtk_widget_class_install_action (widget_class, "win.resend-code", NULL,
                                   kw_window_resend_code_action);
  gtk_widget_class_install_action (widget_class, "win.change-account", NULL,
                                   kw_window_change_account_action);
  gtk_widget_class_install_action (widget_class, "win.restart", NULL, kw_window_restart_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, kw_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.copy-demo-code", "s",
                                   kw_window_copy_demo_code_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-inbox", NULL,
                                   kw_window_dismiss_inbox_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
}
