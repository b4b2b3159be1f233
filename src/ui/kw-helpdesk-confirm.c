/* kw-helpdesk-confirm.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-helpdesk-confirm.h"

#include "kw-error-dialog.h"
#include "kw-helpdesk-text.h"
#include "kw-user-message.h"

#include <glib/gi18n-lib.h>

static AdwMessageDialog *
create_dialog (GtkWindow  *parent,
               const char *heading)
{
  return g_object_new (ADW_TYPE_MESSAGE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       "heading", heading,
                       NULL);
}

static void
add_cancel (AdwMessageDialog *dialog)
{
  adw_message_dialog_add_response (dialog, KW_HELPDESK_RESPONSE_CANCEL, _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, KW_HELPDESK_RESPONSE_CANCEL);
}

/* The sentence on ClientMetadata, when there is some to send. */
static char *
describe_metadata (guint n_metadata)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %u counts the ClientMetadata pairs, what the
                                        * helpdesk entered under "Advanced", for the user pool's own
                                        * code (Lambda triggers). */
                                       "%u client metadata pair goes with the request to the "
                                       "user pool’s Lambda triggers.",
                                       "%u client metadata pairs go with the request to the "
                                       "user pool’s Lambda triggers.",
                                       n_metadata),
                          n_metadata);
}

/**
 * kw_helpdesk_confirm_reset_new:
 * @parent: the window the dialog belongs to
 * @user: the user to reset
 * @n_metadata: how many ClientMetadata pairs go with the request
 *
 * Returns: (transfer floating): a modal dialog, not shown yet
 */
GtkWidget *
kw_helpdesk_confirm_reset_new (GtkWindow           *parent,
                               const KwCognitoUser *user,
                               guint                n_metadata)
{
  AdwMessageDialog *dialog;
  g_autofree char *contacts = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (user != NULL, NULL);

  contacts = kw_helpdesk_dup_verified_contacts (user);

  /* The service would refuse: there is nowhere to send a code. */
  if (contacts == NULL)
    {
      dialog = create_dialog (parent, _("No Way to Send a Code"));
      /* Translators: the placeholder is a username. */
      body = g_strdup_printf (_("%s has no verified email address or phone number, so a reset "
                                "code cannot be delivered. Set a temporary password instead, "
                                "and pass it on to the user yourself."),
                              user->username);
      adw_message_dialog_set_body (dialog, body);
      add_cancel (dialog);
      adw_message_dialog_add_response (dialog, KW_HELPDESK_RESPONSE_TEMPORARY,
                                       _("Set _Temporary Password…"));
      adw_message_dialog_set_response_appearance (dialog, KW_HELPDESK_RESPONSE_TEMPORARY,
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, KW_HELPDESK_RESPONSE_TEMPORARY);

      return GTK_WIDGET (dialog);
    }

  dialog = create_dialog (parent, _("Send Reset Code?"));

  if (user->status_code == KW_USER_STATUS_FORCE_CHANGE_PASSWORD)
    /* Translators: the placeholder is a username. */
    body = g_strdup_printf (_("%s has not yet changed the temporary password they were given, "
                              "and until then cannot use “Forgot password”, so a reset code "
                              "may be refused. A new temporary password always works."),
                            user->username);
  else
    /* Translators: the first placeholder is a username, the second where
     * the code goes, such as "jane@example.com and +15555550123". */
    body = g_strdup_printf (_("The current password of %s stops working at once. A code to "
                              "choose a new one goes to %s, and the user then sets a new "
                              "password with “Forgot password”."),
                            user->username, contacts);

  if (n_metadata > 0)
    {
      g_autofree char *metadata = describe_metadata (n_metadata);
      char *with_metadata = g_strconcat (body, "\n\n", metadata, NULL);

      g_free (body);
      body = with_metadata;
    }

  adw_message_dialog_set_body (dialog, body);
  add_cancel (dialog);

  if (user->status_code == KW_USER_STATUS_FORCE_CHANGE_PASSWORD)
    {
      adw_message_dialog_add_response (dialog, KW_HELPDESK_RESPONSE_TEMPORARY,
                                       _("Set _Temporary Password…"));
      adw_message_dialog_set_response_appearance (dialog, KW_HELPDESK_RESPONSE_TEMPORARY,
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_add_response (dialog, KW_HELPDESK_RESPONSE_RESET,
                                       _("_Send Code Anyway"));
    }
  else
    {
      adw_message_dialog_add_response (dialog, KW_HELPDESK_RESPONSE_RESET, _("_Send Code"));
    }

  adw_message_dialog_set_response_appearance (dialog, KW_HELPDESK_RESPONSE_RESET,
                                              ADW_RESPONSE_DESTRUCTIVE);
  /* Enter must never change someone's password by accident. */
  adw_message_dialog_set_default_response (dialog, KW_HELPDESK_RESPONSE_CANCEL);

  return GTK_WIDGET (dialog);
}

/**
 * kw_helpdesk_confirm_temporary_new:
 * @parent: the window the dialog belongs to
 * @user: the user to give a temporary password
 *
 * Returns: (transfer floating): a modal dialog, not shown yet
 */
GtkWidget *
kw_helpdesk_confirm_temporary_new (GtkWindow           *parent,
                                   const KwCognitoUser *user)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (user != NULL, NULL);

  dialog = create_dialog (parent, _("Set a Temporary Password?"));
  /* Translators: the placeholder is a username. */
  body = g_strdup_printf (_("Keyway makes up a strong password for %s that meets the rules of "
                            "the user pool, and shows it to you once. The current password "
                            "stops working at once, and the user must choose a new one at the "
                            "next sign-in."),
                          user->username);
  adw_message_dialog_set_body (dialog, body);
  add_cancel (dialog);
  adw_message_dialog_add_response (dialog, KW_HELPDESK_RESPONSE_TEMPORARY, _("_Set Password"));
  adw_message_dialog_set_response_appearance (dialog, KW_HELPDESK_RESPONSE_TEMPORARY,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, KW_HELPDESK_RESPONSE_CANCEL);

  return GTK_WIDGET (dialog);
}

/* The temporary password */

struct _KwHelpdeskPasswordDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *password_entry;
  GtkWidget        *copy_button;
};

G_DEFINE_FINAL_TYPE (KwHelpdeskPasswordDialog, kw_helpdesk_password_dialog,
                     ADW_TYPE_MESSAGE_DIALOG)

/* Once answered, the password has been read or copied: it leaves the
 * screen and the widget. */
static void
kw_helpdesk_password_dialog_wipe (KwHelpdeskPasswordDialog *self)
{
  if (self->password_entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
}

static void
kw_helpdesk_password_dialog_response (AdwMessageDialog *dialog,
                                      const char       *response)
{
  kw_helpdesk_password_dialog_wipe (KW_HELPDESK_PASSWORD_DIALOG (dialog));

  if (ADW_MESSAGE_DIALOG_CLASS (kw_helpdesk_password_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (kw_helpdesk_password_dialog_parent_class)->response (dialog,
                                                                                 response);
}

static void
kw_helpdesk_password_dialog_copy_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *param)
{
  KwHelpdeskPasswordDialog *self = KW_HELPDESK_PASSWORD_DIALOG (widget);
  const char *password;

  if (self->password_entry == NULL)
    return;

  password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));
  if (password == NULL || *password == '\0')
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), password);
  gtk_button_set_label (GTK_BUTTON (self->copy_button), _("Copied"));
}

/* Enter means Done; the password row is read, not typed in. */
static void
kw_helpdesk_password_dialog_map (GtkWidget *widget)
{
  GtkWidget *default_widget;

  GTK_WIDGET_CLASS (kw_helpdesk_password_dialog_parent_class)->map (widget);

  default_widget = gtk_window_get_default_widget (GTK_WINDOW (widget));
  if (default_widget != NULL)
    gtk_widget_grab_focus (default_widget);
}

static void
kw_helpdesk_password_dialog_dispose (GObject *object)
{
  KwHelpdeskPasswordDialog *self = KW_HELPDESK_PASSWORD_DIALOG (object);

  /* Closed without an answer, as when its window goes away. */
  kw_helpdesk_password_dialog_wipe (self);
  /* The focus leaves before the widgets go, not after (an entry told of
   * it once gone crashed in libadwaita 1.2). */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  self->password_entry = NULL;
  self->copy_button = NULL;

  G_OBJECT_CLASS (kw_helpdesk_password_dialog_parent_class)->dispose (object);
}

static void
kw_helpdesk_password_dialog_class_init (KwHelpdeskPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = kw_helpdesk_password_dialog_dispose;

  widget_class->map = kw_helpdesk_password_dialog_map;

  gtk_widget_class_install_action (widget_class, "password.copy", NULL,
                                   kw_helpdesk_password_dialog_copy_action);

  dialog_class->response = kw_helpdesk_password_dialog_response;
}

static void
kw_helpdesk_password_dialog_init (KwHelpdeskPasswordDialog *self)
{
  /* One above the other: a narrow dialog leaves the entry room for the
   * whole password. */
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  /* Dots until the person asks to see it. */
  self->password_entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (self->password_entry), TRUE);
  gtk_editable_set_editable (GTK_EDITABLE (self->password_entry), FALSE);
  gtk_widget_set_hexpand (self->password_entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->password_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Temporary password"),
                                  -1);

  self->copy_button = gtk_button_new_with_mnemonic (_("_Copy Password"));
  gtk_widget_set_halign (self->copy_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->copy_button, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->copy_button), "password.copy");

  gtk_box_append (GTK_BOX (box), self->password_entry);
  gtk_box_append (GTK_BOX (box), self->copy_button);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), KW_HELPDESK_RESPONSE_CLOSE,
                                   _("_Done"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), KW_HELPDESK_RESPONSE_CLOSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self),
                                           KW_HELPDESK_RESPONSE_CLOSE);
}

/**
 * kw_helpdesk_password_dialog_new:
 * @parent: the window the dialog belongs to
 * @username: whose password it is
 * @password: the temporary password; the caller wipes its own copy
 *
 * Returns: (transfer floating): a modal dialog, not shown yet
 */
GtkWidget *
kw_helpdesk_password_dialog_new (GtkWindow  *parent,
                                 const char *username,
                                 const char *password)
{
  KwHelpdeskPasswordDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (username != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  self = g_object_new (KW_TYPE_HELPDESK_PASSWORD_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);
  /* Translators: the placeholder is a username. */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (self), _("Temporary Password for %s"),
                                     username);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("Pass it on to the user securely: in person or by phone, not "
                                 "by email or chat. Keyway shows it only this once and does not "
                                 "keep it. The user must choose a new password at the next "
                                 "sign-in."));
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), password);

  return GTK_WIDGET (self);
}

/* Failures and confirmations */

/**
 * kw_helpdesk_show_error:
 * @widget: a widget in the window the dialog belongs to
 * @error: what failed
 * @operation: the operation that failed, for its own words
 * @connection: (nullable): the connection, for words about its credentials
 *
 * Nothing is shown for a cancellation, nor once @widget has left its window.
 */
void
kw_helpdesk_show_error (GtkWidget          *widget,
                        const GError       *error,
                        KwCognitoOperation  operation,
                        KwConnection       *connection)
{
  g_autoptr(KwUserMessage) message = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);
  g_return_if_fail (connection == NULL || KW_IS_CONNECTION (connection));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A request that ends after its window closed has no one to tell. */
  root = gtk_widget_get_root (widget);
  if (!GTK_IS_WINDOW (root))
    return;

  message = kw_user_message_new_for_error (error, operation, connection);
  /* What the messages suggest (other credentials, another username) is
   * done right there in the window, not from the dialog. */
  dialog = kw_error_dialog_new (GTK_WINDOW (root), message, FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * kw_helpdesk_toast:
 * @widget: a widget inside an #AdwToastOverlay
 * @text: the toast's text, as Pango markup
 */
void
kw_helpdesk_toast (GtkWidget  *widget,
                   const char *text)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}
