// A front-end team's first calls through the TypeScript (typescript-fetch) clients generated from the
// served documents, untouched. Type-checked with tsc --strict and run with node by GeneratedTypeScriptClientTest.
// Usage: node scenario.js <customer-service url> <loan-service url> <bearer token>
import * as customer from './customer-service';
import * as loan from './loan-service';

declare const process: { argv: string[]; exit(code: number): never }; // node's, without @types/node

/** Response fields are optional in the documents (only request fields are declared required): checked as a client would. */
function present<T>(value: T | undefined, what: string): T {
    if (value === undefined || value === null) {
        throw new Error(what + ' missing from the answer');
    }
    return value;
}

async function main(): Promise<void> {
    const [customerUrl, loanUrl, token] = process.argv.slice(2);
    const accessToken = async () => token;
    const customers = new customer.CustomersApi(new customer.Configuration({ basePath: customerUrl, accessToken }));
    const registered: customer.CustomerResponse = await customers.registerCustomer({
        customerRequest: {
            type: customer.CustomerType.Individual, fullName: 'Type Script', nationalId: 'TS' + Date.now(),
            relationshipSince: new Date('2020-02-01'), annualIncome: 41000,
        },
        idempotencyKey: crypto.randomUUID(),
    });

    const config = new loan.Configuration({ basePath: loanUrl, accessToken });
    const start: Date = present((await new loan.BusinessDateApi(config).getBusinessDate()).date, 'business date');
    const loans = new loan.LoansApi(config);
    const request: loan.OpenLoanRequest = {
        loanRequest: {
            customerId: present(registered.id, 'customer id'), principal: 12000, annualRate: 0.08, termMonths: 12, startDate: start,
            method: loan.RepaymentMethod.Annuity,
        },
        idempotencyKey: crypto.randomUUID(),
    };
    let booked: loan.LoanResponse | undefined;
    for (let attempt = 0; booked === undefined; attempt++) {
        try {
            booked = await loans.openLoan(request);
        } catch (e) {
            // loan-service learns a new customer from customer-events a moment after customer-service answered
            if (!(e instanceof loan.ResponseError) || e.response.status !== 422 || attempt > 300) {
                throw e;
            }
            await new Promise(resolve => setTimeout(resolve, 200));
        }
    }
    const read: loan.LoanResponse = await loans.getLoan({ id: present(booked.id, 'loan id') });
    const schedule = present(read.schedule, 'schedule');
    let problemStatus = 0;
    let problemType = '';
    try {
        await loans.getLoan({ id: crypto.randomUUID() });
    } catch (e) {
        if (e instanceof loan.ResponseError) {
            problemStatus = e.response.status;
            problemType = e.response.headers.get('Content-Type') ?? '';
        }
    }
    console.log(JSON.stringify({
        customerId: registered.id, loanId: booked.id, readBackId: read.id, readBackCustomerId: read.customerId,
        principal: read.principal, installments: schedule.length, firstDueDate: present(schedule[0]?.dueDate, 'due date').toISOString().substring(0, 10),
        problemStatus, problemType,
    }));
}

main().catch(e => {
    console.error(e);
    process.exit(1);
});
