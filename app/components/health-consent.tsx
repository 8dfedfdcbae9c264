import { ConfirmFold } from "./confirm-fold";

/** Withdrawing the health consent deletes every skånebehov at once, so it asks first and says how many. */
export function WithdrawHealthConsent({ intent, count }: { intent: string; count: number }) {
  return (
    <ConfirmFold summary="Træk mit samtykke tilbage" intent={intent} confirm="Ja, træk samtykket tilbage og slet dem" pendingText="Sletter …">
      <p>
        {count === 0
          ? "Du har ingen skånebehov skrevet ned lige nu. Vil du skrive nogen senere, skal du give samtykke igen."
          : `Vi sletter ${count === 1 ? "dit skånebehov" : `alle dine ${count} skånebehov`} med det samme. Det kan ikke fortrydes. Du kan give samtykke igen senere, men så skal du skrive dem igen.`}
      </p>
    </ConfirmFold>
  );
}
