/* kw-error-dialog.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-error-dialog.h"

#include <glib/gi18n-lib.h>

struct _KwErrorDialog
{
  AdwMessageDialog  parent_instance;

  KwUserMessage    *message;
};

G_DEFINE_FINAL_TYPE (KwErrorDialog, kw_error_dialog, ADW_TYPE_MESSAGE_DIALOG)

/**
 * kw_user_action_can_be_offered:
 * @action: a message's suggested action
 *
 * Returns: whether the app can do @action when the person asks for it
 */
gboolean
kw_user_action_can_be_offered (KwUserAction action)
{
  switch (action)
    {
    case KW_USER_ACTION_RETRY:
    case KW_USER_ACTION_RESEND_CODE:
    case KW_USER_ACTION_EDIT_USERNAME:
    case KW_USER_ACTION_EDIT_CODE:
    case KW_USER_ACTION_EDIT_PASSWORD:
    /* Keyway cannot reach the administrator; the dialog copies what the
     * person can send them. */
    case KW_USER_ACTION_CONTACT_ADMINISTRATOR:
    case KW_USER_ACTION_OPEN_CONNECTION_SETTINGS:
      return TRUE;

    case KW_USER_ACTION_NONE:
    case KW_USER_ACTION_WAIT:
    default:
      return FALSE;
    }
}

static GtkWidget *
kw_error_dialog_create_details (const char *details)
{
  GtkWidget *expander;
  GtkWidget *label;

  label = gtk_label_new (details);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "monospace");

  expander = gtk_expander_new_with_mnemonic (_("_Technical Details"));
  gtk_expander_set_child (GTK_EXPANDER (expander), label);

  return expander;
}

/* Enter must answer the dialog, not fold the details out: the details
 * expander would otherwise take the first focus. */
static void
kw_error_dialog_map (GtkWidget *widget)
{
  GtkWidget *default_widget;

  GTK_WIDGET_CLASS (kw_error_dialog_parent_class)->map (widget);

  default_widget = gtk_window_get_default_widget (GTK_WINDOW (widget));
  if (default_widget != NULL)
    gtk_widget_grab_focus (default_widget);
}

/**
 * kw_error_dialog_dup_report:
 * @self: a dialog
 *
 * What "Copy Details" puts on the clipboard, for the person to send to
 * whoever looks after the service: the title, the text and the technical
 * details. A message never holds a secret, so neither does this.
 *
 * Returns: (transfer full): plain text
 */
char *
kw_error_dialog_dup_report (KwErrorDialog *self)
{
  g_autofree char *details = NULL;

  g_return_val_if_fail (KW_IS_ERROR_DIALOG (self), NULL);

  details = kw_user_message_dup_details (self->message);

  return g_strdup_printf ("%s\n\n%s\n\n%s",
                          kw_user_message_get_title (self->message),
                          kw_user_message_get_body (self->message),
                          details != NULL ? details : "");
}

static void
kw_error_dialog_response (AdwMessageDialog *dialog,
                          const char       *response)
{
  KwErrorDialog *self = KW_ERROR_DIALOG (dialog);

  /* The dialog does this one itself, whatever window it belongs to. */
  if (g_strcmp0 (response, KW_ERROR_DIALOG_RESPONSE_ACTION) == 0 &&
      kw_user_message_get_action (self->message) == KW_USER_ACTION_CONTACT_ADMINISTRATOR)
    {
      g_autofree char *report = kw_error_dialog_dup_report (self);

      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), report);
    }

  if (ADW_MESSAGE_DIALOG_CLASS (kw_error_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (kw_error_dialog_parent_class)->response (dialog, response);
}

static void
kw_error_dialog_finalize (GObject *object)
{
  KwErrorDialog *self = KW_ERROR_DIALOG (object);

  g_clear_object (&self->message);

  G_OBJECT_CLASS (kw_error_dialog_parent_class)->finalize (object);
}

static void
kw_error_dialog_class_init (KwErrorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->finalize = kw_error_dialog_finalize;

  widget_class->map = kw_error_dialog_map;

  dialog_class->response = kw_error_dialog_response;
}

static void
kw_error_dialog_init (KwErrorDialog *self)
{
}

/**
 * kw_error_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @message: what to say
 * @offer_action: whether the caller can do the message's action
 *
 * Returns: (transfer floating): a modal dialog, not shown yet
 */
GtkWidget *
kw_error_dialog_new (GtkWindow     *parent,
                     KwUserMessage *message,
                     gboolean       offer_action)
{
  KwErrorDialog *self;
  AdwMessageDialog *dialog;
  g_autofree char *details = NULL;
  g_autofree char *body = NULL;
  GDateTime *wait_until;
  KwUserAction action;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KW_IS_USER_MESSAGE (message), NULL);

  self = g_object_new (KW_TYPE_ERROR_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       "heading", kw_user_message_get_title (message),
                       NULL);
  dialog = ADW_MESSAGE_DIALOG (self);
  self->message = g_object_ref (message);
  action = kw_user_message_get_action (message);

  body = g_strdup (kw_user_message_get_body (message));
  wait_until = kw_user_message_get_wait_until (message);
  if (action == KW_USER_ACTION_WAIT && wait_until != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (wait_until);
      g_autofree char *time = g_date_time_format (local, "%X");
      char *with_time;

      /* Translators: the first placeholder is the message's text; the
       * second a time of day, such as 14:05:00. */
      with_time = g_strdup_printf (_("%s\n\nYou can try again after %s."), body, time);
      g_free (body);
      body = with_time;
    }
  adw_message_dialog_set_body (dialog, body);

  details = kw_user_message_dup_details (message);
  if (details != NULL && details[0] != '\0')
    adw_message_dialog_set_extra_child (dialog, kw_error_dialog_create_details (details));

  adw_message_dialog_add_response (dialog, KW_ERROR_DIALOG_RESPONSE_CLOSE, _("_Close"));
  adw_message_dialog_set_close_response (dialog, KW_ERROR_DIALOG_RESPONSE_CLOSE);

  if (offer_action &&
      kw_user_action_can_be_offered (action) &&
      kw_user_message_get_action_label (message) != NULL)
    {
      adw_message_dialog_add_response (dialog, KW_ERROR_DIALOG_RESPONSE_ACTION,
                                       kw_user_message_get_action_label (message));
      adw_message_dialog_set_response_appearance (dialog, KW_ERROR_DIALOG_RESPONSE_ACTION,
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, KW_ERROR_DIALOG_RESPONSE_ACTION);
    }
  else
    {
      adw_message_dialog_set_default_response (dialog, KW_ERROR_DIALOG_RESPONSE_CLOSE);
    }

  return GTK_WIDGET (self);
}

KwUserMessage *
kw_error_dialog_get_message (KwErrorDialog *self)
{
  g_return_val_if_fail (KW_IS_ERROR_DIALOG (self), NULL);

  return self->message;
}

gboolean
kw_error_dialog_offers_action (KwErrorDialog *self)
{
  g_return_val_if_fail (KW_IS_ERROR_DIALOG (self), FALSE);

  return adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (self),
                                          KW_ERROR_DIALOG_RESPONSE_ACTION);
}
