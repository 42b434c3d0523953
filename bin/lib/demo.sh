# shellcheck shell=bash disable=SC2016 # the $ in jq programs is jq's
# bin/stack demo: plays a short story against the running services, as a core banking system would,
# through their REST APIs only (curl + jq). Sourced by bin/stack, which provides SERVICE_PORT,
# ALL_SERVICES, SERVICES, all_up and cmd_start.
#
# The story: three customers borrow on the loan book's business date; over three months Chen and Ben
# pay on time while Ana misses two installments; then Ana's credit score drops and she reports
# hardship, and Ben asks for a payoff quote and mentions a competitor. risk-service should raise an
# involuntary alert for Ana and a voluntary one for Ben; retention-service proposes an offer for each
# (unless the customer is in the control group), the demo accepts it, and loan-service applies it.
#
# Everything is new on each run (national ids carry a run id), so it can run again and again on the
# same data. The business date only moves forward: every run starts from wherever the last one left it.

DEMO_ADVISOR="advisor.lee"
DEMO_TIMEOUT="${LENDKEEP_DEMO_TIMEOUT:-30}"  # seconds to wait for an asynchronous effect (Kafka)
DEMO_DAYS_LATE=5                            # close of business this many days after each due date
DEMO_SCORE_DROP=120
DEMO_MAX_RETRIES=5

# Customers of this run, by slot number.
declare -a C_NAME=() C_ROLE=() C_ID=() C_LOAN=() C_SCORE=() C_PRINCIPAL=() C_RATE=() C_TERM=() C_INCOME=()
declare -A C_DUE=() C_TOTAL=()  # "slot:seq" -> due date, installment total

# Tallies for the summary.
DEMO_ALERTS=0 DEMO_PROPOSED=0 DEMO_APPLIED=0 DEMO_HELD_OUT=0 DEMO_TREATED=0
declare -a DEMO_PROBLEMS=()

BD=""           # the loan book's business date, as last read or set
TODAY=""        # the wall-clock date: customer-service accepts no score or contact dated after it
DATE_NOTE_SHOWN=0

# --- plumbing ------------------------------------------------------------------------------------

demo_need_tools() {
  local missing=() tool
  for tool in curl jq; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  local what="${missing[0]}, which is not installed"
  [[ ${#missing[@]} -eq 1 ]] || what="${missing[0]} and ${missing[1]}, which are not installed"
  {
    echo "bin/stack demo needs $what. Install with:"
    echo "  Debian/Ubuntu:  sudo apt-get install -y ${missing[*]}"
    echo "  Fedora/RHEL:    sudo dnf install -y ${missing[*]}"
    echo "  macOS:          brew install ${missing[*]}"
  } >&2
  exit 1
}

demo_fail() {
  echo >&2
  echo "demo failed: $*" >&2
  exit 1
}

base_url() { echo "http://localhost:${SERVICE_PORT[$1]}"; }

# api METHOD SERVICE PATH [JSON]: sets HTTP_CODE and BODY; never fails (HTTP_CODE 000 when unreachable).
api() {
  local method="$1" url out
  url="$(base_url "$2")$3"
  local -a args=(-sS --max-time 15 -X "$method" -H 'Accept: application/json' -w '\n%{http_code}')
  [[ $# -ge 4 ]] && args+=(-H 'Content-Type: application/json' --data "$4")
  out="$(curl "${args[@]}" "$url" 2>&1)" || true
  HTTP_CODE="${out##*$'\n'}"
  BODY="${out%$'\n'*}"
  [[ "$HTTP_CODE" =~ ^[0-9]{3}$ ]] || HTTP_CODE=000
}

# call EXPECTED_CODE METHOD SERVICE PATH [JSON]: like api, but a different answer ends the demo with
# the problem's detail.
call() {
  local expected="$1" detail
  shift
  api "$@"
  [[ "$HTTP_CODE" == "$expected" ]] && return 0
  if [[ "$HTTP_CODE" == 000 ]]; then
    detail="no answer (${BODY##*curl: })"
  else
    detail="$(jq -r '.detail // empty' <<<"$BODY" 2>/dev/null || true)"
    detail="HTTP $HTTP_CODE${detail:+: $detail}"
  fi
  demo_fail "$1 $(base_url "$2")$3 -> $detail"
}

# poll TIMEOUT WHAT COMMAND...: runs COMMAND every half second until it succeeds; after TIMEOUT
# seconds prints what it was waiting for and fails. Sets WAITED to the seconds it took.
poll() {
  local timeout="$1" what="$2" start=$SECONDS
  shift 2
  until "$@"; do
    if ((SECONDS - start >= timeout)); then
      WAITED=$((SECONDS - start))
      printf '   timed out after %s s waiting for %s\n' "$timeout" "$what"
      return 1
    fi
    sleep 0.5
  done
  WAITED=$((SECONDS - start))
  return 0
}

plus_days() { date -d "$1 + $2 days" +%F; }
money() { printf '%.2f' "$1"; }
pct() { awk -v r="$1" 'BEGIN { printf "%.2f%%", r * 100 }'; }
short() { echo "${1:0:8}"; }
count() { if [[ "$1" == 1 ]]; then echo "1 $2"; else echo "$1 ${2}s"; fi; }

# Sets CS_DATE to a date customer-service accepts: the business date, or today when the loan book
# is ahead of the wall clock (customer-service validates score and contact dates against the wall
# clock, so a date after today is refused).
cs_date() {
  CS_DATE="$1"
  [[ "$1" > "$TODAY" ]] || return 0
  CS_DATE="$TODAY"
  if [[ "$DATE_NOTE_SHOWN" == 0 ]]; then
    printf '   (the business date %s is ahead of the wall clock, and customer-service accepts no date after\n' "$1"
    printf '    today: credit scores and contacts are dated today, %s)\n' "$TODAY"
    DATE_NOTE_SHOWN=1
  fi
}

read_business_date() {
  call 200 GET loan-service /business-date
  BD="$(jq -r .date <<<"$BODY")"
}

# Sets BD and MISSED (missed payments in the whole loan book at this close of business).
advance_to() {
  call 200 POST loan-service /business-date "$(jq -nc --arg d "$1" '{date: $d}')"
  BD="$(jq -r .date <<<"$BODY")"
  MISSED="$(jq -r '.missedPayments // 0' <<<"$BODY")"
}

# retention-service's control group, reproduced (ControlGroup.java): SHA-256 of "salt:customerId",
# the first 53 bits as a fraction of 2^53, held out below the share. Used only to know how long to
# wait for an intervention: whether one appears is what counts.
predicted_control() {
  local salt="${CONTROL_GROUP_SALT:-lendkeep-2026}" share="${CONTROL_GROUP_SHARE:-0.10}" hex limit
  hex="$(printf '%s:%s' "$salt" "$1" | sha256sum | cut -c1-14)"
  limit="$(awk -v s="$share" 'BEGIN { x = s * 9007199254740992; l = int(x); if (l < x) l++; printf "%.0f", l }')"
  (((16#$hex >> 3) < limit))
}

# --- the story -----------------------------------------------------------------------------------

# new_customer NAME ROLE PRINCIPAL RATE TERM INCOME SCORE: adds a slot, sets SLOT.
new_customer() {
  SLOT=${#C_NAME[@]}
  C_NAME[SLOT]="$1" C_ROLE[SLOT]="$2" C_PRINCIPAL[SLOT]="$3" C_RATE[SLOT]="$4" C_TERM[SLOT]="$5"
  C_INCOME[SLOT]="$6" C_SCORE[SLOT]="$7"
}

# What each role does with installment SEQ: the distressed borrower pays the first one only.
pays() {
  case "${C_ROLE[$1]}" in
    distressed) [[ "$2" == 1 ]] ;;
    *) return 0 ;;
  esac
}

register() {
  local i="$1" nid email score_date first
  nid="DEMO${RUN_ID}N$i"
  first="${C_NAME[i]%% *}"
  email="$(tr '[:upper:]' '[:lower:]' <<<"$first").${RUN_ID}@example.com"
  call 201 POST customer-service /customers "$(jq -nc --arg n "${C_NAME[i]}" --arg nid "$nid" --arg e "$email" \
    --argjson inc "${C_INCOME[i]}" \
    '{type: "INDIVIDUAL", fullName: $n, nationalId: $nid, email: $e, relationshipSince: "2019-04-01", annualIncome: $inc}')"
  C_ID[i]="$(jq -r .id <<<"$BODY")"
  cs_date "$BD"
  score_date="$(plus_days "$CS_DATE" -20)"
  call 201 POST customer-service "/customers/${C_ID[i]}/credit-scores" \
    "$(jq -nc --argjson s "${C_SCORE[i]}" --arg d "$score_date" '{bureau: "EXPERIAN", score: $s, scoreDate: $d}')"
  printf '   %-13s customer %s  national id %-24s  credit score %s (EXPERIAN, %s)\n' \
    "${C_NAME[i]}" "$(short "${C_ID[i]}")" "$nid" "${C_SCORE[i]}" "$score_date"
}

book_loan() {
  local i="$1" seq
  call 201 POST loan-service /loans "$(jq -nc --arg c "${C_ID[i]}" --arg p "${C_PRINCIPAL[i]}" --arg r "${C_RATE[i]}" \
    --argjson t "${C_TERM[i]}" --arg d "$BD" \
    '{customerId: $c, principal: $p, annualRate: $r, termMonths: $t, startDate: $d, method: "ANNUITY"}')"
  C_LOAN[i]="$(jq -r .id <<<"$BODY")"
  while IFS=$'\t' read -r seq due total; do
    C_DUE["$i:$seq"]="$due"
    C_TOTAL["$i:$seq"]="$total"
  done < <(jq -r '.schedule[] | select(.seq <= 3) | [.seq, .dueDate, .total] | @tsv' <<<"$BODY")
  printf '   %-13s loan %s  %10s at %6s over %s months, installment %s, first due %s\n' "${C_NAME[i]}" \
    "$(short "${C_LOAN[i]}")" "$(money "${C_PRINCIPAL[i]}")" "$(pct "${C_RATE[i]}")" "${C_TERM[i]}" \
    "$(money "${C_TOTAL[$i:1]}")" "${C_DUE[$i:1]}"
}

# Three months: on each due date the payers pay, then close of business a few days later.
play_months() {
  local seq i due cob missed s d amount dpd
  for seq in 1 2 3; do
    due="${C_DUE[$1:$seq]}"
    missed=0
    if [[ "$due" > "$BD" ]]; then
      advance_to "$due"
      missed="$MISSED"
    fi
    printf '   %s  installment %s due\n' "$BD" "$seq"
    for i in "$@"; do
      if pays "$i" "$seq"; then
        call 201 POST loan-service "/loans/${C_LOAN[i]}/repayments" \
          "$(jq -nc --arg a "$(money "${C_TOTAL[$i:$seq]}")" '{amount: $a}')"
        if [[ "$(jq -r .onTime <<<"$BODY")" == true ]]; then
          printf '     %-13s pays %9s  on time\n' "${C_NAME[i]}" "$(money "${C_TOTAL[$i:$seq]}")"
        else
          printf '     %-13s pays %9s  %s days late\n' "${C_NAME[i]}" "$(money "${C_TOTAL[$i:$seq]}")" "$(jq -r .daysLate <<<"$BODY")"
        fi
      else
        printf '     %-13s does not pay\n' "${C_NAME[i]}"
      fi
    done
    cob="$(plus_days "$due" "$DEMO_DAYS_LATE")"
    advance_to "$cob"
    missed=$((missed + MISSED))
    # Which of them are this story's (the book also holds the loans of earlier runs).
    local -a ours=()
    for i in "$@"; do
      call 200 GET loan-service "/loans/${C_LOAN[i]}"
      while IFS=$'\t' read -r s d amount dpd; do
        ours+=("$(printf '     %-13s installment %s (due %s, %s) unpaid: OVERDUE; the loan is %s days past due' \
          "${C_NAME[i]}" "$s" "$d" "$(money "$amount")" "$dpd")")
      done < <(jq -r --arg from "$due" '.daysPastDue as $dpd | .schedule[] | select(.status == "OVERDUE" and .dueDate == $from)
        | [.seq, .dueDate, (.total - .principalPaid - .interestPaid), $dpd] | @tsv' <<<"$BODY")
    done
    if [[ "$missed" == 0 ]]; then
      printf '   %s  close of business: no missed payment\n' "$BD"
    elif [[ "$missed" == "${#ours[@]}" ]]; then
      printf '   %s  close of business: %s\n' "$BD" "$(count "$missed" "missed payment")"
    else
      printf '   %s  close of business: %s in the whole loan book (earlier runs included), %s in this story\n' \
        "$BD" "$(count "$missed" "missed payment")" "${#ours[@]}"
    fi
    [[ ${#ours[@]} -eq 0 ]] || printf '%s\n' "${ours[@]}"
  done
}

log_contact() {
  local i="$1" kind="$2" topic="$3" channel="$4" satisfaction="$5" outcome="$6" on
  cs_date "$BD"
  on="$CS_DATE"
  call 201 POST customer-service "/customers/${C_ID[i]}/contacts" "$(jq -nc --arg k "$kind" --arg t "$topic" --arg c "$channel" \
    --argjson s "$satisfaction" --arg o "$outcome" --arg by "$DEMO_ADVISOR" --arg d "$on" \
    '{kind: $k, topic: $t, channel: $c, satisfaction: $s, outcome: $o, loggedBy: $by, contactDate: $d}')"
  printf '   %-13s %-9s %-17s by %-6s satisfaction %s/5  "%s"\n' "${C_NAME[i]}" "$kind" "$topic" "$channel" "$satisfaction" "$outcome"
}

post_signals() {
  local i new on
  for i in "$@"; do
    case "${C_ROLE[i]}" in
      distressed)
        new=$((C_SCORE[i] - DEMO_SCORE_DROP))
        cs_date "$BD"
        on="$CS_DATE"
        call 201 POST customer-service "/customers/${C_ID[i]}/credit-scores" \
          "$(jq -nc --argjson s "$new" --arg d "$on" '{bureau: "EXPERIAN", score: $s, scoreDate: $d}')"
        printf '   %-13s credit score %s -> %s (EXPERIAN, %s)\n' "${C_NAME[i]}" "${C_SCORE[i]}" "$new" "$on"
        log_contact "$i" CALL HARDSHIP PHONE 3 "Lost her job; asks for a payment holiday"
        ;;
      shopper)
        log_contact "$i" INQUIRY PAYOFF_INQUIRY PHONE 3 "Asked for a payoff quote"
        log_contact "$i" CALL COMPETITOR_OFFER PHONE 3 "Has an offer from another bank at 5.2%"
        ;;
      steady)
        log_contact "$i" SURVEY GENERAL EMAIL 5 "Happy with the service"
        ;;
    esac
  done
}

# True once risk-service has applied every event this story sent about customer SLOT.
risk_caught_up() {
  local i="$1" payments=3
  [[ "${C_ROLE[i]}" == distressed ]] && payments=1
  api GET risk-service "/risk/customers/${C_ID[i]}"
  [[ "$HTTP_CODE" == 200 ]] || return 1
  local check='.features as $f | $f.activeLoans >= 1 and $f.paymentsTotal >= $p'
  case "${C_ROLE[i]}" in
    distressed) check+=' and $f.consecutiveMissed >= 2 and $f.hardshipContacts >= 1 and $f.creditScoreChange + $drop == 0' ;;
    shopper) check+=' and $f.payoffInquiries >= 1 and $f.competitorMentions >= 1' ;;
  esac
  jq -e --argjson p "$payments" --argjson drop "$DEMO_SCORE_DROP" "$check" <<<"$BODY" >/dev/null 2>&1
}

all_risk_caught_up() {
  local i
  for i in "$@"; do
    risk_caught_up "$i" || return 1
  done
}

# Prints each customer's alerts; sets ALERTS_OF[slot] to "alertId loanId" lines of the open ones.
declare -A ALERTS_OF=()
show_alerts() {
  local i type level score reasons status id loan n
  for i in "$@"; do
    call 200 GET risk-service "/alerts?customerId=${C_ID[i]}"
    n="$(jq length <<<"$BODY")"
    ALERTS_OF[$i]=""
    if [[ "$n" == 0 ]]; then
      call 200 GET risk-service "/risk/customers/${C_ID[i]}"
      printf '   %-13s no alert (involuntary %s %.3f, voluntary %s %.3f)\n' "${C_NAME[i]}" \
        "$(jq -r .involuntaryLevel <<<"$BODY")" "$(jq -r .involuntaryScore <<<"$BODY")" \
        "$(jq -r .voluntaryLevel <<<"$BODY")" "$(jq -r .voluntaryScore <<<"$BODY")"
      continue
    fi
    DEMO_ALERTS=$((DEMO_ALERTS + n))
    while IFS=$'\t' read -r id type level score status loan reasons; do
      printf '   %-13s %-11s %-8s score %.3f  %s, alert %s\n' "${C_NAME[i]}" "$type" "$level" "$score" "$status" "$(short "$id")"
      printf '   %-13s   why: %s\n' "" "$reasons"
      [[ "$status" == OPEN ]] && ALERTS_OF[$i]+="$id $loan"$'\n'
    done < <(jq -r '.[] | [.id, .churnType, .level, .score, .status, (.loanId // "-"), (.reasons | join("; "))] | @tsv' <<<"$BODY")
  done
  return 0
}

# True once retention-service has an intervention for alert ALERT of customer SLOT; sets INTERVENTION.
has_intervention() {
  api GET retention-service "/interventions?customerId=${C_ID[$1]}"
  [[ "$HTTP_CODE" == 200 ]] || return 1
  INTERVENTION="$(jq -c --arg a "$2" 'map(select(.alertId == $a)) | first // empty' <<<"$BODY")"
  [[ -n "$INTERVENTION" ]]
}

intervention_settled() {
  api GET retention-service "/interventions/$1"
  [[ "$HTTP_CODE" == 200 ]] || return 1
  INTERVENTION="$BODY"
  [[ "$(jq -r .status <<<"$BODY")" =~ ^(APPLIED|FAILED|DECLINED)$ ]]
}

# Sets FACTS to a loan's version, rate, first unpaid installment's due date and total, forbearance end.
loan_facts() {
  call 200 GET loan-service "/loans/$1"
  FACTS="$(jq -r '[.scheduleVersion, .annualRate, (first(.schedule[] | select(.status != "PAID")) // {} | .dueDate // "-", .total // 0),
          (.forbearanceUntil // "-")] | @tsv' <<<"$BODY")"
}

handle_interventions() {
  local i alert loan id kind status rule wait v0 r0 d0 t0 v1 r1 d1 t1 f1 detail
  for i in "$@"; do
    while read -r alert loan; do
      [[ -n "$alert" ]] || continue
      wait="$DEMO_TIMEOUT"
      # A customer of the control group gets nothing: a short grace is enough to be sure.
      predicted_control "${C_ID[i]}" && wait=5
      if ! poll "$wait" "retention-service to propose an intervention for ${C_NAME[i]}'s alert $(short "$alert")" \
        has_intervention "$i" "$alert" >/dev/null; then
        if [[ "$wait" == 5 ]]; then
          printf '   %-13s held out in the control group: no intervention, by design\n' "${C_NAME[i]}"
          DEMO_HELD_OUT=$((DEMO_HELD_OUT + 1))
        else
          printf '   %-13s no intervention after %s s for alert %s (is retention-service consuming churn-risk-alerts?)\n' \
            "${C_NAME[i]}" "$DEMO_TIMEOUT" "$(short "$alert")"
          DEMO_PROBLEMS+=("no intervention for ${C_NAME[i]}'s alert $alert within $DEMO_TIMEOUT s")
        fi
        continue
      fi
      DEMO_TREATED=$((DEMO_TREATED + 1))
      DEMO_PROPOSED=$((DEMO_PROPOSED + 1))
      IFS=$'\t' read -r id kind status loan rule <<<"$(jq -r '[.id, .kind, .status, .loanId, .playbookRule] | @tsv' <<<"$INTERVENTION")"
      printf '   %-13s %-17s %-8s  rule: %s\n' "${C_NAME[i]}" "$kind" "$status" "$rule"
      loan_facts "$loan"
      IFS=$'\t' read -r v0 r0 d0 t0 _ <<<"$FACTS"
      if [[ "$status" == PROPOSED ]]; then
        call 200 POST retention-service "/interventions/$id/accept" "$(jq -nc --arg by "$DEMO_ADVISOR" '{decidedBy: $by}')"
        printf '   %-13s %-17s %-8s  by %s; loan-service applies it over Kafka\n' "" "" "$(jq -r .status <<<"$BODY")" "$DEMO_ADVISOR"
      fi
      if ! poll "$DEMO_TIMEOUT" "loan-service to apply intervention $(short "$id") (status APPLIED)" intervention_settled "$id"; then
        DEMO_PROBLEMS+=("intervention $id for ${C_NAME[i]} not APPLIED within $DEMO_TIMEOUT s")
        continue
      fi
      status="$(jq -r .status <<<"$INTERVENTION")"
      detail="$(jq -r '.outcomeDetail // ""' <<<"$INTERVENTION")"
      printf '   %-13s %-17s %-8s  after %s s: %s\n' "" "" "$status" "$WAITED" "$detail"
      if [[ "$status" != APPLIED ]]; then
        DEMO_PROBLEMS+=("intervention $id for ${C_NAME[i]} ended $status: $detail")
        continue
      fi
      DEMO_APPLIED=$((DEMO_APPLIED + 1))
      loan_facts "$loan"
      IFS=$'\t' read -r v1 r1 d1 t1 f1 <<<"$FACTS"
      if [[ "$kind" == PAYMENT_EXTENSION ]]; then
        printf '   %-13s loan %s: schedule version %s -> %s, next due date %s -> %s, forbearance until %s\n' "" \
          "$(short "$loan")" "$v0" "$v1" "$d0" "$d1" "$f1"
      else
        printf '   %-13s loan %s: schedule version %s -> %s, rate %s -> %s, next installment %s -> %s (due %s)\n' "" \
          "$(short "$loan")" "$v0" "$v1" "$(pct "$r0")" "$(pct "$r1")" "$(money "$t0")" "$(money "$t1")" "$d1"
      fi
    done <<<"${ALERTS_OF[$i]:-}"
  done
  return 0
}

# One telling of the story for the customers in slots "$@" (all booked on the same business date).
play_story() {
  local i
  echo
  echo "1. Customers register (customer-service), each with a credit score"
  for i in "$@"; do register "$i"; done
  echo
  echo "2. Loans are booked on the business date $BD (loan-service)"
  for i in "$@"; do book_loan "$i"; done
  echo
  echo "3. Three months go by (the business date moves to each due date, then $DEMO_DAYS_LATE days later)"
  play_months "$@"
  echo
  echo "4. Warning signs arrive (customer-service)"
  post_signals "$@"
  echo
  echo "5. Churn-risk alerts (risk-service)"
  local names=()
  for i in "$@"; do names+=("${C_NAME[i]}"); done
  if poll "$DEMO_TIMEOUT" "risk-service to process the events of $(printf '%s, ' "${names[@]}" | sed 's/, $//')" \
    all_risk_caught_up "$@"; then
    printf '   (risk-service caught up with all events in %s s)\n' "$WAITED"
  else
    DEMO_PROBLEMS+=("risk-service did not process all events within $DEMO_TIMEOUT s")
  fi
  show_alerts "$@"
  echo
  echo "6. Retention interventions (retention-service), accepted by $DEMO_ADVISOR and applied by loan-service"
  local any=0
  for i in "$@"; do [[ -n "${ALERTS_OF[$i]:-}" ]] && any=1; done
  if [[ "$any" == 0 ]]; then
    echo "   no open alert: nothing to propose"
  else
    handle_interventions "$@"
  fi
}

cmd_demo() {
  [[ $# -eq 0 ]] || die "demo takes no arguments"
  demo_need_tools
  export LC_ALL=C  # decimal points in printf, whatever the locale
  # shellcheck disable=SC2034 # read by all_up and cmd_start in bin/stack
  SERVICES=("${ALL_SERVICES[@]}") # the story needs all four, whatever LENDKEEP_SERVICES says
  use_recorded_ports
  if all_up; then
    echo "LendKeep is running."
  else
    echo "Starting LendKeep first."
    cmd_start
    echo
  fi
  TODAY="$(date +%F)"
  RUN_ID="$(date +%Y%m%d%H%M%S)$((RANDOM % 100))"
  read_business_date
  echo
  echo "LendKeep demo (run $RUN_ID): playing a core banking system that feeds LendKeep through its REST APIs."
  echo "The loan book's business date is $BD."

  new_customer "Ana Lopez" distressed 25000.00 0.079 36 41000 710
  new_customer "Ben Okafor" shopper 30000.00 0.099 48 72000 780
  new_customer "Chen Wu" steady 18000.00 0.065 36 56000 750
  play_story 0 1 2

  local retry=0 names=("Dana Petrova" "Emeka Obi" "Farah Haddad" "Goran Kovac" "Hana Sato")
  while ((DEMO_ALERTS > 0 && DEMO_TREATED == 0 && retry < DEMO_MAX_RETRIES)); do
    echo
    echo "All alerted customers were held out in the control group; the distressed-borrower story again"
    echo "with a new customer ($((retry + 1)) of at most $DEMO_MAX_RETRIES):"
    new_customer "${names[retry]}" distressed 22000.00 0.084 36 38000 700
    retry=$((retry + 1))
    play_story "$SLOT"
  done

  echo
  echo "Summary: $(count "$DEMO_ALERTS" alert) raised, $(count "$DEMO_PROPOSED" intervention) proposed," \
    "$DEMO_APPLIED applied, $DEMO_HELD_OUT held out in the control group (business date now $BD)"
  local p
  ((DEMO_ALERTS > 0)) || DEMO_PROBLEMS+=("no churn-risk alert was raised")
  ((DEMO_APPLIED > 0)) || DEMO_PROBLEMS+=("no intervention reached APPLIED")
  if [[ ${#DEMO_PROBLEMS[@]} -gt 0 ]]; then
    echo "The demo did not go as planned:"
    for p in "${DEMO_PROBLEMS[@]}"; do echo "  - $p"; done
    echo "Logs: bin/stack logs risk-service, bin/stack logs retention-service, bin/stack logs loan-service"
    exit 1
  fi
  echo "Demo complete."
}
