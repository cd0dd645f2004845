from django import forms
from django.contrib.auth.forms import AuthenticationForm


class SignInForm(AuthenticationForm):
    """Sign in with an email address and password. A failure never says which part was wrong."""

    username = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    password = forms.CharField(
        label="Password", strip=False, error_messages={"required": "Enter your password"}, widget=forms.PasswordInput
    )

    error_messages = {
        "invalid_login": "Enter a correct email address and password",
        "inactive": "Enter a correct email address and password",
    }

    def clean(self):  # type: ignore[no-untyped-def]
        if self.errors:
            return self.cleaned_data
        return super().clean()
